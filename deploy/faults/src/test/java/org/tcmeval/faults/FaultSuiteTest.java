package org.tcmeval.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.infra.Ports;
import org.tcmeval.launcher.Api;
import org.tcmeval.launcher.Stack;

/**
 * The suite under crashes and outages (issue 11). While a stream of reports and corrections flows
 * into reporting ({@link Ledger}, ~20/s; reports with an Idempotency-Key, corrections with If-Match,
 * retried alike after a 503 or a lost connection), every service in turn is killed with SIGKILL
 * and started again by the launcher's supervision (what command 1 runs), the Kafka broker is
 * stopped and started again, and PostgreSQL's postmaster is killed with SIGKILL and started again
 * on its data. Then:
 * <ul>
 * <li>every report and correction is filed (2xx) and stored exactly once (one report per
 *     institution, one version per correction), and nothing answered 503 was stored;</li>
 * <li>evaluation's stored sums of county, city and province equal the sums of each institution's
 *     latest filed figures, computed here from the ledger, and each institution's stored
 *     contribution is its latest filed version;</li>
 * <li>every answer that was not 2xx is a 503 problem+json with Retry-After (a refused or lost
 *     connection while the service itself is dead is counted apart);</li>
 * <li>every service reports not-ready while PostgreSQL or Kafka is down and ready after, on its own;</li>
 * <li>no record became a dead letter (an outage is waited out, not parked).</li>
 * </ul>
 * Time to recover of each fault is printed and written to {@code target/faults.txt}.
 */
class FaultSuiteTest {

    static final String COUNTY = County.CODE;
    /** More than the ledger can use at 20/s through all the faults; it stops when told to. */
    static final int INSTITUTIONS = 4000;
    static final int PER_SECOND = 20;
    static final long SEED = 20261201L;

    static Stack stack;
    static String provinceAdmin;
    static String reporter;
    static County county;
    static final List<String> notes = new ArrayList<>();

    @BeforeAll
    static void startSuite() throws IOException {
        Path root = Path.of(System.getProperty("tcm.root", "../..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("tcm-faults");
        // SuiteTest's Keycloak, unpacked and built once; -Dtcm.keycloak.home= gives a run its own (its
        // dev-mode database cannot be shared by two suites running at the same time).
        Path keycloakHome = Path.of(System.getProperty("tcm.keycloak.home",
                Path.of(System.getProperty("user.home"), ".cache", "tcmeval", "keycloak-suite").toString()));
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        Stack.SERVICES.forEach(s -> ports.put(s, Ports.free()));
        Stack.SERVICES.forEach(s -> managementPorts.put(s, Ports.free()));
        // Every submitted version counts, so one request per report is all the stream needs.
        stack = Stack.start(new Stack.Layout(root, work, keycloakHome, Ports.free(), Ports.free(), Ports.free(), ports,
                managementPorts, false), Map.of("TCM_EVALUATION_COUNTING", "LATEST_SUBMITTED")).supervise();
        note("suite started in %d ms", stack.startup().toMillis());
        provinceAdmin = Api.token(stack.keycloakRealmUrl(), "gx-admin", "gx-admin-pass");
        reporter = Api.token(stack.keycloakRealmUrl(), "yuzhou-reporter", "yuzhou-reporter-pass");
        county = new County(stack, provinceAdmin);
    }

    @AfterAll
    static void stopSuite() throws IOException {
        if (stack != null) {
            stack.close();
        }
        Path out = Path.of("target", "faults.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", notes) + "\n");
    }

    @Test
    void everyFiledReportIsEvaluatedExactlyOnceThroughCrashesAndOutages() throws Exception {
        List<String> institutions = county.registerInstitutions(INSTITUTIONS);
        county.openWindow("45", "2024");
        county.awaitReportingKnows(institutions.size());

        Ledger ledger = new Ledger(stack.url("reporting"), reporter, institutions, step -> {
            Random random = new Random(SEED + step);
            int physicians = 4 + random.nextInt(17);
            return new int[] {physicians, random.nextInt(physicians + 1)};
        }, PER_SECOND);
        Thread driver = new Thread(ledger, "ledger");
        driver.setDaemon(true);
        Instant streamStart = Instant.now();
        driver.start();
        Map<String, Map<String, Object>> recovery = new LinkedHashMap<>();
        try {
            awaitMoreFiled(ledger, 40);
            for (String service : Stack.SERVICES) {
                recovery.put("kill -9 " + service, crashService(ledger, service));
                awaitMoreFiled(ledger, 20);
            }
            recovery.put("Kafka stopped and started", kafkaOutage(ledger));
            awaitMoreFiled(ledger, 20);
            recovery.put("kill -9 PostgreSQL", postgresCrash(ledger));
            awaitMoreFiled(ledger, 20);
        } finally {
            ledger.stop();
        }
        driver.join(Duration.ofSeconds(150).toMillis());
        assertThat(driver.isAlive()).as("the ledger finished its last report").isFalse();
        Duration streamed = Duration.between(streamStart, Instant.now());

        assertThat(ledger.crashed()).as("the ledger's own failure").isEmpty();
        List<Ledger.Submission> all = ledger.submissions();
        List<Ledger.Submission> filed = all.stream().filter(Ledger.Submission::filed).toList();
        List<Ledger.Attempt> attempts = ledger.attempts();

        // Counts for the note.
        long corrections = all.stream().filter(Ledger.Submission::correction).count();
        long confirmedByRead = all.stream().filter(s -> s.confirmedByRead).count();
        long answered503 = attempts.stream().filter(a -> a.answered() && a.status() == 503).count();
        long refused = attempts.stream().filter(Ledger.Attempt::connectionRefused).count();
        long lost = attempts.stream().filter(a -> !a.answered() && !a.connectionRefused()).count();
        long replayed = attempts.stream().filter(a -> a.answered() && a.replayed()).count();
        note("reports and corrections sent %d (%d corrections) in %d s, filed %d; attempts %d: 503 %d, connection"
                + " refused %d, connection lost or timed out %d; 2xx replayed from the idempotency record %d;"
                + " corrections confirmed by a read after a lost answer and a 412 %d", all.size(), corrections,
                streamed.toSeconds(), filed.size(), attempts.size(), answered503, refused, lost, replayed,
                confirmedByRead);
        recovery.forEach((fault, numbers) -> note("%-32s %s", fault, numbers));

        // 1. Every report the stream sent was filed in the end: an outage delays a report, never loses it.
        assertThat(all).as("reports not filed (last attempt shown)").filteredOn(s -> !s.filed())
                .extracting(s -> s.institutionId + " " + s.last()).isEmpty();

        // 2. Every answer that was not 2xx is a 503 problem with Retry-After - but for the answers a
        //    client gets after giving up on one (timed out, connection lost): the 412 that tells a
        //    correction its lost attempt had committed, and the 409 for a retry that overtook the
        //    attempt still running under the same Idempotency-Key.
        Set<Ledger.Attempt> afterLostAnswer = new HashSet<>();
        for (Ledger.Submission s : all) {
            for (int i = 1; i < s.attempts.size(); i++) {
                Ledger.Attempt a = s.attempts.get(i);
                boolean lostBefore = s.attempts.subList(0, i).stream().anyMatch(x -> !x.answered());
                if (lostBefore && a.answered() && (a.status() == 412 && s.confirmedByRead
                        || a.status() == 409 && a.body().contains("idempotency-key-in-use"))) {
                    afterLostAnswer.add(a);
                }
            }
        }
        assertThat(attempts).as("answers other than 2xx and 503 problem+json with Retry-After")
                .filteredOn(a -> a.answered() && a.status() / 100 != 2 && !afterLostAnswer.contains(a))
                .filteredOn(a -> a.status() != 503 || !a.contentType().startsWith("application/problem+json")
                        || a.retryAfter() == null)
                .extracting(a -> a.status() + " " + a.contentType() + " " + a.body()).isEmpty();

        // 3. Nothing answered 503 was stored: a submission whose every earlier attempt was answered 503
        //    takes effect with its 2xx attempt - not replayed from a record a 503'd attempt left behind,
        //    nor a correction some 503'd attempt had already made.
        assertThat(filed).as("took effect before its 2xx although every earlier attempt was answered 503")
                .filteredOn(s -> s.attempts.size() > 1 && s.attempts.subList(0, s.attempts.size() - 1).stream()
                        .allMatch(a -> a.answered() && a.status() == 503))
                .filteredOn(s -> s.last().replayed() || s.confirmedByRead).extracting(s -> s.institutionId).isEmpty();

        // 4. Reporting stored each filed report exactly once, with one version per filed correction.
        Map<String, Integer> versions = new HashMap<>();
        filed.stream().filter(s -> !s.correction()).forEach(s -> versions.put(s.reportId, 1));
        filed.stream().filter(Ledger.Submission::correction).forEach(s -> versions.merge(s.reportId, 1, Integer::sum));
        Map<String, Integer> stored = county.storedReportVersions();
        assertThat(stored).as("reports stored by reporting, with their version").isEqualTo(versions);

        // 5. Evaluation's stored sums equal the sums of each institution's latest filed figures
        //    (recomputed from scratch here, from the ledger): no report lost, none counted twice, no
        //    correction lost or applied to a stale version, at every level of the roll-up.
        Map<String, int[]> expected = new HashMap<>();
        filed.stream().sorted(java.util.Comparator.comparingInt(s -> s.seq))
                .forEach(s -> expected.put(s.institutionId, new int[] {s.tcmPhysicians, s.physicians}));
        BigDecimal numerator = BigDecimal.valueOf(expected.values().stream().mapToLong(f -> f[0]).sum());
        BigDecimal denominator = BigDecimal.valueOf(expected.values().stream().mapToLong(f -> f[1]).sum());
        Instant settleFrom = Instant.now();
        Map<String, Object> settled = county.awaitSettled(COUNTY, numerator, denominator, (long) expected.size());
        note("evaluation settled %d ms after the stream stopped: %s/%s over %d institutions",
                Duration.between(settleFrom, Instant.now()).toMillis(), numerator, denominator, expected.size());
        assertThat(settled).as("county 450902 once settled").containsEntry("numerator", numerator)
                .containsEntry("denominator", denominator).containsEntry("unitsDecided", (long) expected.size());
        for (String division : List.of("4509", "45")) {
            // The city and the province are folded by evaluation's roll-up drain, up to one drain interval
            // (2 s at most) after the county's sums: settled means settled there too.
            assertThat(county.awaitSettled(division, numerator, denominator, null)).as("roll-up %s", division).containsEntry("numerator", numerator)
                    .containsEntry("denominator", denominator);
        }
        // The same figures judged on reading against another profile (computed, never stored).
        assertThat(county.entry(COUNTY, "guangxi-2022")).as("county judged on reading against guangxi-2022")
                .containsEntry("numerator", numerator).containsEntry("denominator", denominator);

        // 6. Each institution's stored contribution is exactly its latest filed version.
        Map<String, int[]> counted = county.countedContributions();
        assertThat(counted.keySet()).as("institutions counted by evaluation")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(counted.entrySet()).as("contributions that differ from the filed report")
                .filteredOn(e -> !java.util.Arrays.equals(e.getValue(), expected.get(e.getKey())))
                .extracting(e -> e.getKey() + " " + java.util.Arrays.toString(e.getValue()) + " filed "
                        + java.util.Arrays.toString(expected.get(e.getKey()))).isEmpty();

        // 7. An outage is waited out, never parked: no record became a dead letter.
        for (String service : List.of("reporting", "evaluation")) {
            JsonNode page = county.get(stack.url(service) + "/api/v1/dead-letters");
            assertThat(page.get("items")).as("dead letters of %s", service).isEmpty();
        }

        // 8. Every service said it was not ready while a dependency was down, and recovered on its own.
        for (String fault : List.of("Kafka stopped and started", "kill -9 PostgreSQL")) {
            assertThat(recovery.get(fault).get("not ready")).as("services not ready during '%s'", fault)
                    .isEqualTo(Stack.SERVICES.stream().collect(Collectors.toSet()));
            assertThat(recovery.get(fault).get("ready again")).as("services ready again after '%s'", fault)
                    .isEqualTo(Stack.SERVICES.stream().collect(Collectors.toSet()));
        }
        assertThat(answered503).as("503 answers seen while PostgreSQL was down").isPositive();
    }

    /**
     * SIGKILL of one service; the launcher's supervision starts it again with the same settings,
     * nobody else does. Time to recover = kill to ready.
     */
    private Map<String, Object> crashService(Ledger ledger, String service) {
        var process = stack.service(service);
        long pid = process.pid();
        int restarts = process.restarts();
        Instant killed = Instant.now();
        process.kill();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("%s killed", service).isFalse();
        process.awaitReady(Duration.ofSeconds(150));
        Duration ready = Duration.between(killed, Instant.now());
        assertThat(process.pid()).as("%s runs as a new process", service).isNotEqualTo(pid);
        assertThat(process.restarts()).as("%s started again by the supervisor", service).isEqualTo(restarts + 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready after ms", ready.toMillis());
        if (service.equals("reporting")) {
            awaitMoreFiled(ledger, 1);
            m.put("first 2xx after ms", ledger.firstFiledAfter(killed).map(t -> Duration.between(killed, t).toMillis())
                    .orElse(-1L));
        }
        return m;
    }

    /**
     * The broker stopped (controlled shutdown) for as long as it takes every service to say it is
     * not ready and reports to keep being filed (the outbox holds their events), then started again
     * on the same port and data.
     */
    private Map<String, Object> kafkaOutage(Ledger ledger) {
        Instant stopped = Instant.now();
        stack.kafka().stop();
        Map<String, Long> notReady = awaitEveryService(status -> status == 503, stopped, Duration.ofSeconds(60));
        long filedBefore = ledger.filed();
        awaitMoreFiled(ledger, 20);
        Instant started = Instant.now();
        stack.kafka().start();
        Instant up = Instant.now();
        Map<String, Long> ready = awaitEveryService(status -> status == 200, up, Duration.ofSeconds(120));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outage ms", Duration.between(stopped, started).toMillis());
        m.put("broker up after start ms", Duration.between(started, up).toMillis());
        m.put("filed during outage", ledger.filed() - filedBefore);
        m.put("not ready", notReady.keySet());
        m.put("not ready after ms", notReady);
        m.put("ready again", ready.keySet());
        m.put("ready after broker up ms", ready);
        return m;
    }

    /**
     * SIGKILL of the postmaster; down until every service says it is not ready and reporting has
     * answered a 503; then started again on its data (crash recovery from the WAL).
     */
    private Map<String, Object> postgresCrash(Ledger ledger) {
        Instant killed = Instant.now();
        stack.postgres().kill();
        Map<String, Long> notReady = awaitEveryService(status -> status == 503, killed, Duration.ofSeconds(60));
        County.awaitCondition("reporting answers 503 while PostgreSQL is down", Duration.ofSeconds(30),
                () -> ledger.attempts().stream().anyMatch(a -> a.answered() && a.status() == 503
                        && a.at().isAfter(killed)));
        Instant started = Instant.now();
        stack.postgres().start();
        Instant up = Instant.now();
        Map<String, Long> ready = awaitEveryService(status -> status == 200, started, Duration.ofSeconds(120));
        awaitMoreFiled(ledger, 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outage ms", Duration.between(killed, started).toMillis());
        m.put("accepting connections after start ms", Duration.between(started, up).toMillis());
        m.put("not ready", notReady.keySet());
        m.put("not ready after ms", notReady);
        m.put("ready again", ready.keySet());
        m.put("ready after start ms", ready);
        m.put("first 2xx after start ms", ledger.firstFiledAfter(started)
                .map(t -> Duration.between(started, t).toMillis()).orElse(-1L));
        return m;
    }

    /**
     * Polls every service's readiness until each has answered a status {@code wanted} accepts;
     * answers when each did, in ms after {@code since} (a service that never did is missing).
     */
    private static Map<String, Long> awaitEveryService(IntPredicate wanted, Instant since, Duration timeout) {
        Map<String, Long> when = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (when.size() < Stack.SERVICES.size() && Instant.now().isBefore(deadline)) {
            for (String s : Stack.SERVICES) {
                if (!when.containsKey(s) && wanted.test(stack.service(s).readiness())) {
                    when.put(s, Duration.between(since, Instant.now()).toMillis());
                }
            }
            County.sleep(100);
        }
        return when;
    }

    /** Waits until the ledger has filed {@code more} reports beyond what it has filed now. */
    private static void awaitMoreFiled(Ledger ledger, int more) {
        long target = ledger.filed() + more;
        County.awaitCondition("the ledger files " + more + " more reports", Duration.ofSeconds(120),
                () -> ledger.filed() >= target || ledger.crashed().isPresent());
    }

    private static void note(String format, Object... args) {
        String line = String.format(format, args);
        notes.add(line);
        System.out.println(line);
    }
}

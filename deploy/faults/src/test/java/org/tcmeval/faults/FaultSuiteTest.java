package org.tcmeval.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.infra.Ports;
import org.tcmeval.launcher.Api;
import org.tcmeval.launcher.Stack;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.Ownership;
import org.tcmeval.registry.UnifiedSocialCreditCode;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.targets.InstitutionType;

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

    static final String RATIO = "TCM_PHYSICIAN_RATIO";
    static final String COUNTY = "450902";
    static final List<String> TOWNSHIPS = List.of("450902100", "450902101", "450902102", "450902103", "450902104");
    /** More than the ledger can use at 20/s through all the faults; it stops when told to. */
    static final int INSTITUTIONS = 4000;
    static final int PER_SECOND = 20;
    static final long SEED = 20261201L;

    static Stack stack;
    static String provinceAdmin;
    static String reporter;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
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
        List<String> institutions = registerInstitutions();
        openWindow("45", "2024");
        awaitReportingKnows(institutions.size());

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
        Map<String, Integer> stored = storedReportVersions();
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
        Map<String, Object> county = awaitSettled(COUNTY, numerator, denominator, (long) expected.size());
        note("evaluation settled %d ms after the stream stopped: %s/%s over %d institutions",
                Duration.between(settleFrom, Instant.now()).toMillis(), numerator, denominator, expected.size());
        assertThat(county).as("county 450902 once settled").containsEntry("numerator", numerator)
                .containsEntry("denominator", denominator).containsEntry("unitsDecided", (long) expected.size());
        for (String division : List.of("4509", "45")) {
            // The city and the province are folded by evaluation's roll-up drain, up to one drain interval
            // (2 s at most) after the county's sums: settled means settled there too.
            assertThat(awaitSettled(division, numerator, denominator, null)).as("roll-up %s", division).containsEntry("numerator", numerator)
                    .containsEntry("denominator", denominator);
        }
        // The same figures judged on reading against another profile (computed, never stored).
        assertThat(entry(COUNTY, "guangxi-2022")).as("county judged on reading against guangxi-2022")
                .containsEntry("numerator", numerator).containsEntry("denominator", denominator);

        // 6. Each institution's stored contribution is exactly its latest filed version.
        Map<String, int[]> counted = countedContributions();
        assertThat(counted.keySet()).as("institutions counted by evaluation")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(counted.entrySet()).as("contributions that differ from the filed report")
                .filteredOn(e -> !java.util.Arrays.equals(e.getValue(), expected.get(e.getKey())))
                .extracting(e -> e.getKey() + " " + java.util.Arrays.toString(e.getValue()) + " filed "
                        + java.util.Arrays.toString(expected.get(e.getKey()))).isEmpty();

        // 7. An outage is waited out, never parked: no record became a dead letter.
        for (String service : List.of("reporting", "evaluation")) {
            JsonNode page = get(stack.url(service) + "/api/v1/dead-letters", provinceAdmin);
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
        awaitCondition("reporting answers 503 while PostgreSQL is down", Duration.ofSeconds(30),
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
            sleep(100);
        }
        return when;
    }

    /** Waits until the ledger has filed {@code more} reports beyond what it has filed now. */
    private static void awaitMoreFiled(Ledger ledger, int more) {
        long target = ledger.filed() + more;
        awaitCondition("the ledger files " + more + " more reports", Duration.ofSeconds(120),
                () -> ledger.filed() >= target || ledger.crashed().isPresent());
    }

    private static void awaitCondition(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + ": " + what);
            }
            sleep(100);
        }
    }

    /** The ratio's entry once it shows these sums (and this many units decided, unless null), or the last seen after 120 s. */
    private static Map<String, Object> awaitSettled(String division, BigDecimal numerator, BigDecimal denominator,
            Long units) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Map<String, Object> last;
        do {
            last = entry(division, null);
            if (numerator.equals(last.get("numerator")) && denominator.equals(last.get("denominator"))
                    && (units == null || units.equals(last.get("unitsDecided")))) {
                return last;
            }
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        return last;
    }

    /** The ratio's entry on a division's scorecard: numerator, denominator (integers) and units decided. */
    private static Map<String, Object> entry(String division, String profile) {
        JsonNode card = get(stack.url("evaluation") + "/api/v1/scorecards/" + division + "?year=2024"
                + (profile == null ? "" : "&profile=" + profile), provinceAdmin);
        for (JsonNode e : card.get("indicators")) {
            if (e.get("indicatorCode").asText().equals(RATIO)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("numerator", integer(e.get("numerator")));
                m.put("denominator", integer(e.get("denominator")));
                m.put("unitsDecided", e.path("unitsDecided").asLong());
                m.put("status", e.path("status").asText());
                return m;
            }
        }
        throw new AssertionError(RATIO + " missing from the scorecard of " + division);
    }

    private static BigDecimal integer(JsonNode n) {
        return n == null || n.isNull() ? null : new BigDecimal(n.asText()).stripTrailingZeros().setScale(0);
    }

    /** Every institution the county's ratio counts, with its stored numerator and denominator. */
    private static Map<String, int[]> countedContributions() {
        Map<String, int[]> counted = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = get(stack.url("evaluation") + "/api/v1/scorecards/" + COUNTY + "/indicators/" + RATIO
                    + "/children?year=2024&limit=500" + (cursor == null ? "" : "&cursor=" + encode(cursor)),
                    provinceAdmin);
            for (JsonNode item : page.get("items")) {
                if ("COUNTED".equals(item.path("unitState").asText())) {
                    int[] previous = counted.put(item.get("code").asText(), new int[] {
                            item.get("numerator").decimalValue().intValueExact(),
                            item.get("denominator").decimalValue().intValueExact()});
                    assertThat(previous).as("institution %s listed twice", item.get("code").asText()).isNull();
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return counted;
    }

    /** Every report reporting has stored for the county's 2024, by id, with its current version. */
    private static Map<String, Integer> storedReportVersions() {
        Map<String, Integer> versions = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = get(stack.url("reporting") + "/api/v1/reports?division=" + COUNTY
                    + "&period=2024&limit=500" + (cursor == null ? "" : "&cursor=" + encode(cursor)), provinceAdmin);
            page.get("items").forEach(r -> assertThat(versions.put(r.get("id").asText(), r.get("version").asInt()))
                    .as("report %s listed twice", r.get("id").asText()).isNull());
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return versions;
    }

    /** Divisions and {@link #INSTITUTIONS} township health centres, by the registry's CSV import; answers their ids. */
    private static List<String> registerInstitutions() {
        String registry = stack.url("institution-registry");
        Map<String, String> divisions = new LinkedHashMap<>();
        divisions.put("45", "广西壮族自治区");
        divisions.put("4509", "玉林市");
        divisions.put(COUNTY, "玉州区");
        for (int t = 0; t < TOWNSHIPS.size(); t++) {
            divisions.put(TOWNSHIPS.get(t), "故障镇" + (t + 1));
        }
        divisions.forEach((code, name) -> Api.put(registry + "/api/v1/divisions/" + code, provinceAdmin,
                Map.of("name", name, "population", Map.of("2024", 100_000))).expect(200, 201));
        List<InstitutionCsv.Line> lines = new ArrayList<>();
        for (int i = 0; i < INSTITUTIONS; i++) {
            String first17 = "12450902M" + String.format("%08d", i + 1);
            lines.add(new InstitutionCsv.Line(null, new InstitutionDraft("故障测试卫生院" + (i + 1), InstitutionType.THC,
                    TOWNSHIPS.get(i % TOWNSHIPS.size()), first17 + UnifiedSocialCreditCode.checkCharacter(first17), null,
                    Ownership.PUBLIC, null, null, LocalDate.of(1998, 6, 1), null)));
        }
        var report = Api.postCsv(registry + "/api/v1/institutions/import", provinceAdmin, InstitutionCsv.write(lines))
                .expect(200);
        assertThat(report.body().get("created").asInt()).isEqualTo(INSTITUTIONS);
        String csv = text(registry + "/api/v1/institutions/export?division=" + COUNTY, provinceAdmin);
        List<String> ids = InstitutionCsv.read(csv).rows().stream().map(r -> r.id().toString()).toList();
        assertThat(ids).hasSize(INSTITUTIONS);
        return ids;
    }

    /** Reporting learns institutions from Kafka; the stream starts once it knows all of them. */
    private static void awaitReportingKnows(int institutions) {
        awaitCondition("reporting knows the " + institutions + " institutions", Duration.ofSeconds(120), () ->
                get(stack.url("reporting") + "/api/v1/completeness/" + COUNTY + "/2024", provinceAdmin)
                        .get("total").get("expected").asInt() == institutions);
    }

    /** 2024's default window closed on 2025-03-31; the province keeps it open for the stream. */
    private static void openWindow(String province, String period) {
        String url = stack.url("reporting") + "/api/v1/windows/" + province + "/" + period;
        int revision = Api.get(url, provinceAdmin).expect(200).body().get("revision").asInt();
        Api.put(url, provinceAdmin, "\"" + revision + "\"", Map.of("opensOn", "2025-01-01", "closesOn",
                LocalDate.now().plusYears(1).toString())).expect(200);
    }

    private static JsonNode get(String url, String token) {
        return Api.get(url, token).expect(200).body();
    }

    private static String text(String url, String token) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/csv").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void note(String format, Object... args) {
        String line = String.format(format, args);
        notes.add(line);
        System.out.println(line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

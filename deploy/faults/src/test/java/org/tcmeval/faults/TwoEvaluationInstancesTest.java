package org.tcmeval.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.infra.Ports;
import org.tcmeval.launcher.Api;
import org.tcmeval.launcher.ServiceProcess;
import org.tcmeval.launcher.Stack;

/**
 * Issue 8: evaluation stays correct with two instances consuming side by side. The suite runs with
 * a second evaluation process ({@link Stack.Replica}: same database, same consumer groups, so
 * {@code report-submitted}'s three partitions are split between the two) while a stream of reports
 * and corrections for three counties of 玉林市 flows into reporting from {@value #CLIENTS} clients at
 * once ({@link Ledger}s, each with its own institutions, the platform's account filing them). The
 * events are keyed by county, and the counties are chosen so that one lies on each partition: both
 * instances apply polls at the same time, each of its own counties, and meet in the city's and the
 * province's sums, through the roll-up drains (each folds city and province deltas when it wins the
 * province's try-lock). A third of the way in, the second instance is killed (SIGKILL) and started again by the
 * supervisor: its partitions move to the first mid-stream and back, and what it applied without
 * acknowledging is delivered again, to the other instance. Then:
 * <ul>
 * <li>each instance had consumed {@code report-submitted} records before the kill (Kafka's own fetch
 *     counter on each instance's {@code /q/metrics}), and the two together at least one per filed
 *     submission: neither sat idle;</li>
 * <li>every request was answered 2xx, and reporting stored each report once with one version per
 *     correction;</li>
 * <li>each county's, the city's and the province's stored sums equal the sums of each institution's latest
 *     filed figures, computed here from the ledger: no report lost or counted twice, no correction
 *     lost or overtaken by the older version it replaced, whichever instance applied which;</li>
 * <li>each institution's stored contribution is its latest filed version;</li>
 * <li>both instances serve the same settled scorecard (neither answers from a stale cache), and no
 *     record became a dead letter.</li>
 * </ul>
 * One crash only, so it stays short; {@link FaultSuiteTest} crashes everything, with one instance.
 */
class TwoEvaluationInstancesTest {

    /** One county of 玉林市 per partition of {@code report-submitted} (three), as its events are keyed. */
    static final List<String> COUNTIES = countiesOnEveryPartition(3);
    /** ~400 requests with the corrections; at 24/s under twenty seconds of stream. */
    static final int INSTITUTIONS = 300;
    static final int PER_SECOND = 24;
    static final int CLIENTS = 4;
    /** Filed first, by one client, so that both instances are consuming before the stream proper. */
    static final int WARM_UP = 40;
    static final long SEED = 20261202L;
    static final String RECORDS_CONSUMED = "kafka_consumer_fetch_manager_records_consumed_total";

    static Stack stack;
    static String provinceAdmin;
    static String reporter;
    static County county;

    @BeforeAll
    static void startSuite() throws IOException {
        Path root = Path.of(System.getProperty("tcm.root", "../..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("tcm-two-evaluations");
        Path keycloakHome = Path.of(System.getProperty("tcm.keycloak.home",
                Path.of(System.getProperty("user.home"), ".cache", "tcmeval", "keycloak-suite").toString()));
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        Stack.SERVICES.forEach(s -> ports.put(s, Ports.free()));
        Stack.SERVICES.forEach(s -> managementPorts.put(s, Ports.free()));
        stack = Stack.start(new Stack.Layout(root, work, keycloakHome, Ports.free(), Ports.free(), Ports.free(), ports,
                managementPorts, false), Map.of("TCM_EVALUATION_COUNTING", "LATEST_SUBMITTED"),
                List.of(new Stack.Replica("evaluation", Ports.free(), Ports.free()))).supervise();
        System.out.printf("suite with two evaluation instances started in %d ms%n", stack.startup().toMillis());
        provinceAdmin = Api.token(stack.keycloakRealmUrl(), "gx-admin", "gx-admin-pass");
        // The platform's account files for the whole province, so one client may file in every county.
        reporter = Api.clientToken(stack.keycloakRealmUrl(), "tcm-platform", "platform-secret");
        county = new County(stack, provinceAdmin, COUNTIES);
    }

    @AfterAll
    static void stopSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoInstancesShareTheWorkAndTheSumsEqualTheLedger() throws Exception {
        List<ServiceProcess> evaluations = stack.instances("evaluation");
        assertThat(evaluations).hasSize(2);
        List<String> institutions = county.registerInstitutions(INSTITUTIONS);
        county.openWindow("45", "2024");
        county.awaitReportingKnows(institutions.size());

        // A first few reports create report-submitted; the consumers see it at their next metadata
        // refresh (~20 s), and the stream proper starts once both have consumed from it.
        Ledger warmUp = ledger(institutions.subList(0, WARM_UP), CLIENTS, PER_SECOND);
        warmUp.run();
        County.awaitCondition("both instances consumed report-submitted", Duration.ofSeconds(120),
                () -> evaluations.stream().allMatch(e -> reportRecordsConsumed(e) > 0));

        // Clients side by side, each with its own institutions, so reports arrive as concurrent requests.
        List<Ledger> ledgers = new ArrayList<>(List.of(warmUp));
        List<Thread> drivers = new ArrayList<>();
        int each = (INSTITUTIONS - WARM_UP) / CLIENTS;
        for (int c = 0; c < CLIENTS; c++) {
            Ledger ledger = ledger(institutions.subList(WARM_UP + c * each, WARM_UP + (c + 1) * each), c,
                    PER_SECOND / CLIENTS);
            ledgers.add(ledger);
            drivers.add(Thread.ofPlatform().daemon().name("ledger-" + c).start(ledger));
        }
        Instant streamStart = Instant.now();

        // A third of the way in, the second instance is killed (SIGKILL) and started again by the
        // supervisor, so its partitions move to the first and back when it rejoins: polls it applied
        // but had not acknowledged are delivered again, to the other.
        long third = warmUp.filed() + (INSTITUTIONS - WARM_UP) / 3;
        County.awaitCondition("a third of the stream filed", Duration.ofSeconds(180),
                () -> filed(ledgers) >= third || ledgers.stream().anyMatch(l -> l.crashed().isPresent()));
        ServiceProcess second = evaluations.get(1);
        Map<String, Long> consumedBeforeKill = new LinkedHashMap<>();
        for (ServiceProcess instance : evaluations) {
            consumedBeforeKill.put(instance.name(), reportRecordsConsumed(instance));
        }
        System.out.printf("killing %s after %d filed%n", second.name(), filed(ledgers));
        second.kill();
        second.awaitReady(Duration.ofSeconds(180));
        for (Thread driver : drivers) {
            driver.join(Duration.ofSeconds(300).toMillis());
            assertThat(driver.isAlive()).as("%s finished", driver.getName()).isFalse();
        }
        Duration streamed = Duration.between(streamStart, Instant.now());
        List<Ledger.Submission> all = new ArrayList<>();
        for (Ledger ledger : ledgers) {
            assertThat(ledger.crashed()).as("a ledger's own failure").isEmpty();
            all.addAll(ledger.submissions());
            assertThat(ledger.attempts()).as("answers other than 2xx (reporting is never crashed here)")
                    .filteredOn(a -> !a.answered() || a.status() / 100 != 2)
                    .extracting(a -> a.status() + " " + a.failure() + " " + a.body()).isEmpty();
        }
        List<Ledger.Submission> filed = all.stream().filter(Ledger.Submission::filed).toList();
        assertThat(filed).hasSameSizeAs(all);

        Map<String, Integer> versions = new HashMap<>();
        filed.stream().filter(s -> !s.correction()).forEach(s -> versions.put(s.reportId, 1));
        filed.stream().filter(Ledger.Submission::correction).forEach(s -> versions.merge(s.reportId, 1, Integer::sum));
        assertThat(county.storedReportVersions()).as("reports stored by reporting, with their version")
                .isEqualTo(versions);

        // The sums each institution's latest filed figures make, recomputed from the ledgers (an
        // institution belongs to one ledger, whose steps are in order): per county, and for the city
        // and the province all of them.
        Map<String, int[]> expected = new HashMap<>();
        filed.stream().sorted(Comparator.comparingInt(s -> s.seq))
                .forEach(s -> expected.put(s.institutionId, new int[] {s.tcmPhysicians, s.physicians}));
        Map<String, long[]> sums = new LinkedHashMap<>();   // division -> numerator, denominator, institutions
        expected.forEach((id, f) -> {
            for (String division : List.of(county.countyOf(id), "4509", "45")) {
                long[] sum = sums.computeIfAbsent(division, d -> new long[3]);
                sum[0] += f[0];
                sum[1] += f[1];
                sum[2]++;
            }
        });
        assertThat(sums.keySet()).as("divisions the stream reached").containsAll(COUNTIES);
        Instant settleFrom = Instant.now();
        for (String c : COUNTIES) {
            long[] sum = sums.get(c);
            assertThat(county.awaitSettled(c, BigDecimal.valueOf(sum[0]), BigDecimal.valueOf(sum[1]), sum[2]))
                    .as("county %s once settled", c).containsEntry("numerator", BigDecimal.valueOf(sum[0]))
                    .containsEntry("denominator", BigDecimal.valueOf(sum[1])).containsEntry("unitsDecided", sum[2]);
        }
        Duration settled = Duration.between(settleFrom, Instant.now());
        for (ServiceProcess instance : evaluations) {
            County read = county.readingFrom(instance.url());
            sums.forEach((division, sum) -> assertThat(read.awaitSettled(division, BigDecimal.valueOf(sum[0]),
                    BigDecimal.valueOf(sum[1]), null)).as("%s as %s serves it", division, instance.name())
                    .containsEntry("numerator", BigDecimal.valueOf(sum[0]))
                    .containsEntry("denominator", BigDecimal.valueOf(sum[1])));
        }

        Map<String, int[]> counted = county.countedContributions();
        assertThat(counted.keySet()).as("institutions counted by evaluation")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(counted.entrySet()).as("contributions that differ from the filed report")
                .filteredOn(e -> !Arrays.equals(e.getValue(), expected.get(e.getKey())))
                .extracting(e -> e.getKey() + " " + Arrays.toString(e.getValue()) + " filed "
                        + Arrays.toString(expected.get(e.getKey()))).isEmpty();

        for (ServiceProcess instance : evaluations) {
            assertThat(county.get(instance.url() + "/api/v1/dead-letters").get("items"))
                    .as("dead letters, as %s lists them", instance.name()).isEmpty();
        }

        // Together they consumed at least every filed submission's event (re-delivery adds some):
        // the second instance's count before its kill plus the first's and the restarted second's now.
        assertThat(evaluations.get(0).restarts()).as("the first instance ran as one process throughout").isZero();
        assertThat(second.restarts()).as("the second instance started again by the supervisor").isEqualTo(1);
        // A county's records follow its partition: when the restarted second instance gets its partition
        // back, the rest of that county is its to consume, and the Kafka client's per-topic counter of a
        // new consumer reaches /q/metrics only at the metrics binder's next scan (every 60 s). So the
        // count is awaited; what it proves is that the records were consumed by the instances the
        // partitions were assigned to, whichever that was.
        Map<String, Long> consumedAtEnd = new LinkedHashMap<>();
        long[] together = new long[1];
        Instant countFrom = Instant.now();
        Instant countUntil = countFrom.plus(Duration.ofSeconds(100));
        do {
            for (ServiceProcess instance : evaluations) {
                consumedAtEnd.put(instance.name(), reportRecordsConsumed(instance));
            }
            together[0] = consumedBeforeKill.get(second.name())
                    + consumedAtEnd.values().stream().mapToLong(Long::longValue).sum();
            if (together[0] < filed.size()) {
                County.sleep(500);
            }
        } while (together[0] < filed.size() && Instant.now().isBefore(countUntil));
        System.out.printf("%d reports and corrections filed by %d clients in %d ms; evaluation settled %d ms"
                + " later; report-submitted records consumed per instance when the second was killed %s, at the"
                + " end %s (the second's counted since its restart; counted after %d ms)%n", filed.size(), CLIENTS,
                streamed.toMillis(), settled.toMillis(), consumedBeforeKill, consumedAtEnd,
                Duration.between(countFrom, Instant.now()).toMillis());
        assertThat(together[0]).as("records consumed by both together").isGreaterThanOrEqualTo(filed.size());
    }

    /** A client filing reports for these institutions; {@code client} seeds its figures. */
    private static Ledger ledger(List<String> institutions, int client, int perSecond) {
        return new Ledger(stack.url("reporting"), reporter, institutions, step -> {
            Random random = new Random(SEED + 100_000L * client + step);
            int physicians = 4 + random.nextInt(17);
            return new int[] {physicians, random.nextInt(physicians + 1)};
        }, perSecond);
    }

    private static long filed(List<Ledger> ledgers) {
        return ledgers.stream().mapToLong(Ledger::filed).sum();
    }

    /**
     * Kafka's {@code records-consumed-total} of {@code report-submitted}, as the instance's /q/metrics
     * shows it (counted since the process started; absent, so 0, before its first such record).
     */
    /**
     * HTTP/1.1: a default client asks a plain-http server to upgrade to HTTP/2 (h2c), and CI saw the
     * JDK's client fail on the management interface's answer ("Frame type(111) ... exceeds MAX_FRAME_SIZE").
     */
    private static final HttpClient METRICS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static long reportRecordsConsumed(ServiceProcess instance) {
        HttpResponse<String> r;
        try {
            r = METRICS.send(HttpRequest.newBuilder(URI.create(instance.managementUrl()
                    + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(r.statusCode()).as("%s /q/metrics", instance.name()).isEqualTo(200);
        List<String> lines = r.body().lines()
                .filter(l -> l.startsWith(RECORDS_CONSUMED + "{") && l.contains("topic=\"report-submitted\"")).toList();
        return lines.stream().mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * The first counties of 玉林市 whose keys land on each of {@code partitions} partitions, by the
     * producer's default partitioner (murmur2 of the key): with one county on every partition, each
     * consumer instance gets some of the stream, however the partitions are split.
     */
    static List<String> countiesOnEveryPartition(int partitions) {
        Map<Integer, String> byPartition = new java.util.TreeMap<>();
        for (String code : County.YULIN.keySet()) {
            byte[] key = org.tcmeval.events.ReportSubmitted.partitionKey(code).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byPartition.putIfAbsent(org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2(key)) % partitions, code);
        }
        assertThat(byPartition).as("a county of 玉林市 on every partition").hasSize(partitions);
        return List.copyOf(byPartition.values());
    }
}

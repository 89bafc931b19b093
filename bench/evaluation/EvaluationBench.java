import static org.tcmeval.infra.Latencies.secondsSince;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.events.Topics;
import org.tcmeval.infra.BenchKnobs;
import org.tcmeval.testing.TopicReader;
import org.tcmeval.infra.BenchService;
import org.tcmeval.infra.KafkaBroker;
import org.tcmeval.infra.Latencies;
import org.tcmeval.infra.Ports;
import org.tcmeval.infra.PostgresServer;
import org.tcmeval.infra.ProcessCpu;
import org.tcmeval.infra.ProcessMemory;
import org.tcmeval.infra.Processes;
import org.tcmeval.launcher.DemoYear;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.demo.DemoProvince;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.testing.BenchTokens;

/**
 * Evaluation benchmark (issue 8): the demo province's 2024 year, as approved report-submitted events,
 * absorbed by the evaluation service in one burst into an empty database (which is also the
 * from-scratch recompute of the province from its events), next to a raw COPY of the same number
 * of rows; then approved corrections at a steady rate, with the time from sending each to its
 * commit in evaluation and from there to Kafka (the outbox relay). Prints numbers, asserts nothing.
 */
public class EvaluationBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Set<String> NOT_FIGURES = Set.of("uscc", "registrationNumber", "divisionCode", "period", "techniques");

    record Report(String id, String kind, String reporter, String institutionId, String division,
            Map<String, BigDecimal> figures, List<String> techniques) {
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : DemoProvince.DEFAULT_SEED;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path work = Files.createTempDirectory("evaluation-bench");
        BenchTokens tokens = BenchTokens.generate();

        DemoProvince.Data province = DemoProvince.generate(seed);
        DemoYear.Year year = DemoYear.generate(province, seed);
        Map<String, String> institutionIds = new HashMap<>();   // uscc or registration number -> id
        Map<String, String> institutionDivision = new HashMap<>();
        for (InstitutionCsv.Line line : province.institutions()) {
            InstitutionDraft d = line.draft();
            String id = UUID.randomUUID().toString();
            for (String k : new String[] {d.uscc(), d.registrationNumber()}) {
                if (k != null) {
                    institutionIds.put(k, id);
                    institutionDivision.put(id, d.divisionCode());
                }
            }
        }
        List<Report> reports = reports(year, institutionIds, institutionDivision);
        System.out.printf("demo year (seed %d): %d reports (%d institution, %d county, %d city)%n", seed, reports.size(),
                year.institutions(), year.counties(), year.cities());

        PostgresServer postgres = PostgresServer.start(work.resolve("pg"), Ports.free());
        KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), Ports.free());
        Process service = null;
        List<Process> services = new ArrayList<>();
        String database = "evaluation_bench";
        try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            postgres.createDatabases(List.of(database));
            int port = Ports.free();
            service = launch(work.resolve("evaluation.log"), port, postgres, database, kafka, tokens);
            services.add(service);
            // A second instance in the same consumer groups (TCM_BENCH_INSTANCES=2): the topics' partitions are
            // shared between the two, which is what "a second consumer instance" means.
            for (int i = 2; i <= instances(); i++) {
                services.add(launch(work.resolve("evaluation-" + i + ".log"), Ports.free(), postgres, database, kafka,
                        tokens));
            }
            awaitGroup(kafka.bootstrapServers(), "evaluation-v2", services.size());

            // The catalog's profiles and the registry's institutions, as their services publish them.
            for (TargetProfile p : CanonicalProfiles.ALL) {
                var data = new TargetProfileChanged(p.id(), p.divisionCode(), 1, List.of(new TargetProfileChanged.Revision(1,
                        2000, p.parentId(), p.targets().stream().map(TargetSpec::of).toList(), "bench", OffsetDateTime.now())));
                producer.send(new ProducerRecord<>(Topics.CATALOG_CHANGED, p.id(), EventJson.write(EventEnvelope.of(
                        "/indicator-catalog", EventTypes.TARGET_PROFILE_CHANGED, p.id(), TargetProfileChanged.VERSION, data))));
            }
            long t = System.nanoTime();
            int published = 0;
            for (InstitutionCsv.Line line : province.institutions()) {
                InstitutionDraft d = line.draft();
                String id = institutionIds.get(d.uscc() != null ? d.uscc() : d.registrationNumber());
                if (id == null) {
                    id = UUID.randomUUID().toString();
                }
                InstitutionChanged e = new InstitutionChanged(id, 1, d.name(), d.type(), d.divisionCode(),
                        d.divisionCode().substring(0, 6), d.openedOn(), d.closedOn(), d.uscc(), d.registrationNumber(),
                        "PUBLIC", d.grade(), null);
                producer.send(new ProducerRecord<>(Topics.INSTITUTION_CHANGED, id, EventJson.write(EventEnvelope.of(
                        "/institution-registry", EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, e))));
                published++;
            }
            producer.flush();
            while (postgres.count(database, "select count(*) from institution_ref") < published
                    || postgres.count(database, "select count(*) from target_profile_ref") < CanonicalProfiles.ALL.size()) {
                Thread.sleep(200);
            }
            System.out.printf("  %-52s %7d rows  %7.2f s%n", "institutions and profiles projected", published,
                    secondsSince(t));

            double copy = copyBaseline(postgres, database, reports);
            System.out.printf("  %-52s %7d rows  %7.2f s %8.0f rows/s%n", "raw COPY of as many report_ref rows",
                    reports.size(), copy, reports.size() / copy);

            // The burst: every report of the year, approved, as fast as the producer sends.
            try (Connection c = postgres.connect(database)) {
                BenchKnobs.statementsReset(c);
            }
            double cpuBefore = cpuSeconds(services);
            ProcessMemory.resetPeak(service.pid());
            LockWaits lockWaits = LockWaits.start(postgres, database);
            double pgCpuBefore = ProcessCpu.withChildrenSeconds(postgres.postmasterPid());
            double kafkaCpuBefore = ProcessCpu.seconds(kafka.pid());
            long commitsBefore = postgres.count(database,
                    "select xact_commit from pg_stat_database where datname = current_database()");
            long start = System.nanoTime();
            var lastOfPartition = new ConcurrentHashMap<Integer, String>();
            for (Report r : reports) {
                // Callbacks of one partition complete in send order, so the last put is its last report.
                producer.send(record(r, 1), (meta, failed) -> {
                    if (meta != null) {
                        lastOfPartition.put(meta.partition(), r.id());
                    }
                });
            }
            producer.flush();
            double sent = secondsSince(start);
            double absorbed = awaitAbsorbed(postgres, database, lastOfPartition.values(), reports.size(), start);
            lockWaits.stop();
            BenchKnobs.trimOnEnd(service.pid());
            awaitZero(postgres, database, OUTBOX_NOT_EMPTY, 20);
            double relayed = secondsSince(start);
            double cpu = cpuSeconds(services) - cpuBefore;
            double pgCpu = ProcessCpu.withChildrenSeconds(postgres.postmasterPid()) - pgCpuBefore;
            double kafkaCpu = ProcessCpu.seconds(kafka.pid()) - kafkaCpuBefore;
            long results = postgres.count(database, "select count(*) from indicator_result");
            long events;
            // The relay deletes what Kafka acknowledged: the topic is where the events are counted.
            try (TopicReader topic = new TopicReader(kafka.bootstrapServers(), Topics.TARGET_EVALUATED)) {
                events = topic.endOffsetsTotal();
            }
            System.out.printf("  %-52s %7d       %7.2f s%n", "burst sent to Kafka", reports.size(), sent);
            System.out.printf("  %-52s %7d       %7.2f s %8.0f reports/s   (%.1fx the COPY)%n",
                    "burst absorbed (every report applied and committed)", reports.size(), absorbed,
                    reports.size() / absorbed, absorbed / copy);
            System.out.printf("  %-52s %7d evts  %7.2f s   (%d results stored)%n",
                    "last target-evaluated acknowledged by Kafka", events, relayed, results);
            System.out.printf("  %-52s %7.2f s   %8.0f reports per CPU-second (load average %s)%n",
                    "evaluation CPU time for the burst" + (services.size() > 1 ? " (" + services.size() + " instances)" : ""),
                    cpu, reports.size() / cpu, ProcessCpu.loadAverage());
            lockWaits.print(absorbed);
            System.out.printf("  %-52s %7.2f s   %8.0f reports per CPU-second%n", "PostgreSQL CPU time for the burst",
                    pgCpu, reports.size() / pgCpu);
            System.out.printf("  %-52s %7.2f s   (bench's sends and the service's reads and writes; %s JIT)%n",
                    "Kafka broker CPU time for the burst", kafkaCpu,
                    "full".equals(System.getenv("TCM_KAFKA_JIT")) ? "full" : "C1-only");
            System.out.printf("  %-52s %7d MB%n", "evaluation RSS right after the burst", ProcessMemory.rssKb(service.pid()) / 1024);
            System.out.printf("  %-52s %7d MB%n", "evaluation RSS peak during the burst",
                    ProcessMemory.peakRssKb(service.pid()) / 1024);
            BenchKnobs.printMemory(service.pid(), work, "right-after");
            try (Connection c = postgres.connect(database)) {
                BenchKnobs.printStatements(c, "the burst (" + reports.size() + " reports)", 25);
            }
            // Settled: what the service keeps once idle (the launcher's idle heap trim gives heap back).
            Thread.sleep(BenchKnobs.settleSeconds() * 1000L);
            System.out.printf("  %-52s %7d MB   (after %d s idle)%n", "evaluation RSS settled", ProcessMemory.rssKb(service.pid()) / 1024,
                    BenchKnobs.settleSeconds());
            BenchKnobs.printMemory(service.pid(), work, "settled");
            registrationLock(postgres, database, postgres.count(database,
                    "select xact_commit from pg_stat_database where datname = current_database()") - commitsBefore,
                    absorbed);

            // Scorecards: stored results, and the same divisions judged on reading under a chosen profile.
            String base = "http://127.0.0.1:" + port;
            // An access token for the API, as Keycloak issues them.
            String token = tokens.token("bench-dashboard", "dashboard-reader", "45", "tcm-api", "account");
            for (String[] q : new String[][] {{"45", null}, {"4509", null}, {"4509", "guangxi-2022"},
                    {"45", "guangxi-2022"}}) {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    scorecard(base, token, q[0], q[1]);
                    times.add(System.nanoTime() - t0);
                }
                Latencies reads = Latencies.of(times);
                System.out.printf("  %-52s %7s       median %6.1f ms  max %6.1f ms%n", "scorecard " + q[0]
                        + (q[1] == null ? " (stored)" : " under " + q[1] + " (on reading)"), "5 reads",
                        reads.atMs(0.5), reads.maxMs());
            }

            // Issue 8's "done when": which cells of the demo year say nothing, and why; and a chosen profile that
            // is the one in force must agree with the stored results cell for cell.
            for (String d : List.of("45", "4509", "4507", "450921")) {
                audit(scorecardJson(base, token, d, null), d);
            }
            for (String d : List.of("45", "4509")) {
                compare(scorecardJson(base, token, d, null), scorecardJson(base, token, d, "guangxi-2022"), d);
            }

            // Dashboard reads (issue 9): open-loop at a fixed rate over the stored results.
            int readRate = args.length > 3 ? Integer.parseInt(args[3]) : 50;
            int readSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
            double readCpu = ProcessCpu.seconds(service.pid());
            reads(base, token, institutionDivision, readRate, readSeconds);
            System.out.printf("  %-52s %7.2f s   (load average %s)%n", "evaluation CPU time for the reads",
                    ProcessCpu.seconds(service.pid()) - readCpu, ProcessCpu.loadAverage());

            // Steady: approved corrections (revision 2, 3, ...) of random institution reports.
            steady(postgres, database, kafka.bootstrapServers(), producer, reports, rate, seconds);
            String hold = System.getenv("TCM_BENCH_HOLD_SECONDS");
            if (hold != null && !hold.isBlank()) {
                // Keeps the demo-sized database up for EXPLAIN ANALYZE by hand.
                System.out.printf("holding %s s: psql %s (user %s, password %s), service %s%n", hold,
                        postgres.jdbcUrl(database), postgres.user(), postgres.password(), base);
                Thread.sleep(Long.parseLong(hold.strip()) * 1000);
            }
            System.out.printf("  %-52s %7d MB%n", "evaluation RSS at the end", ProcessMemory.rssKb(service.pid()) / 1024);
            System.out.printf("%n%d CPUs; goals: >= 2,000 reports/s absorbed, from scratch < 10 s, p99 < 1 s, RSS < 300 MB%n",
                    Runtime.getRuntime().availableProcessors());
        } finally {
            BenchService.tearDown(work, kafka, postgres, services);
        }
    }

    static int instances() {
        String n = System.getenv("TCM_BENCH_INSTANCES");
        return n == null || n.isBlank() ? 1 : Integer.parseInt(n.strip());
    }

    /** Starts one evaluation instance as the launcher runs it and waits until it is ready. */
    static Process launch(Path log, int port, PostgresServer postgres, String database, KafkaBroker kafka,
            BenchTokens tokens) throws Exception {
        int managementPort = Ports.free();
        // The launcher's JVM options and environment: what is measured is what runs.
        List<String> command = org.tcmeval.launcher.ServiceProcess.javaCommand(Processes.javaBinary());
        command.addAll(BenchKnobs.extraJvmOptions());
        command.addAll(BenchService.systemProperties(port, managementPort, postgres, database, kafka));
        command.add("-Dquarkus.oidc.auth-server-url=");
        command.addAll(tokens.oidcSystemProperties());
        command.addAll(List.of("-jar", "services/evaluation/target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder launch = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        launch.environment().putAll(org.tcmeval.launcher.ServiceProcess.JVM_ENVIRONMENT);
        Process service = launch.start();
        // Health is on the management interface, not the API port.
        BenchService.awaitReady("http://127.0.0.1:" + managementPort, service, log, Duration.ofSeconds(120));
        System.out.println("evaluation is up (log: " + log + ")");
        return service;
    }

    static double cpuSeconds(List<Process> services) throws Exception {
        double total = 0;
        for (Process p : services) {
            total += ProcessCpu.seconds(p.pid());
        }
        return total;
    }

    /** Waits until the consumer group has {@code members} members, each with partitions, and is stable. */
    static void awaitGroup(String bootstrap, String group, int members) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                var d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                long assigned = d.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
                if (d.state() == org.apache.kafka.common.ConsumerGroupState.STABLE && assigned == members) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("group " + group + ": " + d.state() + ", " + assigned + " of "
                            + members + " members with partitions");
                }
                Thread.sleep(200);
            }
        }
    }

    /** The demo year's CSV rows as reports, with classes and items derived from the technique codes. */
    static List<Report> reports(DemoYear.Year year, Map<String, String> ids, Map<String, String> divisions) {
        String[] lines = year.csv().split("\r\n");
        String[] columns = lines[0].split(",", -1);
        List<Report> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) {
                row.put(columns[c], cells[c]);
            }
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                if (!NOT_FIGURES.contains(k) && !v.isEmpty()) {
                    figures.put(k, new BigDecimal(v));
                }
            });
            List<String> techniques = row.get("techniques").isEmpty() ? List.of()
                    : List.of(row.get("techniques").split(";"));
            if (!techniques.isEmpty()) {
                Set<String> classes = new TreeSet<>();
                techniques.forEach(code -> classes.add(code.substring(0, code.indexOf('_'))));
                figures.put("techniqueClasses", BigDecimal.valueOf(classes.size()));
                figures.put("techniqueItems", BigDecimal.valueOf(techniques.size()));
            }
            String key = !row.get("uscc").isEmpty() ? row.get("uscc") : row.get("registrationNumber");
            String id = UUID.randomUUID().toString();
            if (!key.isEmpty()) {
                String institution = ids.get(key);
                out.add(new Report(id, "INSTITUTION", institution, institution, divisions.get(institution), figures,
                        techniques));
            } else {
                String division = row.get("divisionCode");
                out.add(new Report(id, division.length() == 6 ? "COUNTY" : "CITY", division, null, division, figures,
                        List.of()));
            }
        }
        return out;
    }

    static ProducerRecord<String, String> record(Report r, int revision) {
        ReportSubmitted e = new ReportSubmitted(r.id(), revision, revision, r.kind(), r.reporter(), r.institutionId(),
                null, r.division(), 2024, "2024", "APPROVED", r.figures(), r.techniques(), OffsetDateTime.now(),
                OffsetDateTime.now());
        return new ProducerRecord<>(Topics.REPORT_SUBMITTED, ReportSubmitted.partitionKey(r.division()),
                EventJson.write(EventEnvelope.of("/reporting",
                EventTypes.REPORT_SUBMITTED, r.id(), ReportSubmitted.VERSION, e)));
    }

    /**
     * Open loop at {@code rate}/s: each correction's time from send to its commit in evaluation (seen
     * by polling report_ref every 5 ms), then the relay's time from enqueue to publish for the
     * target-evaluated events of the same window.
     */
    /**
     * 1 while the outbox holds a row, else 0: by the primary key's first entry rather than count(*), which
     * reads every sent row the relay deleted until vacuum has been by.
     */
    static final String OUTBOX_NOT_EMPTY = "select count(*) from (select 1 from outbox_event order by seq limit 1) o";

    static void steady(PostgresServer postgres, String database, String bootstrap, KafkaProducer<String, String> producer,
            List<Report> reports, int rate, int seconds) throws Exception {
        List<Report> institutions = reports.stream().filter(r -> r.institutionId() != null).toList();
        Random random = new Random(42);
        Map<String, Integer> revisions = new HashMap<>();
        Map<String, long[]> pending = new ConcurrentHashMap<>();   // report id -> {sent nanos, revision}
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        OffsetDateTime windowStart = OffsetDateTime.now();
        Thread poller = new Thread(() -> {
            try (Connection c = postgres.connect(database);
                 PreparedStatement q = c.prepareStatement("select report_id::text, revision from report_ref"
                         + " where report_id = any(cast(? as uuid[]))")) {
                while (!Thread.currentThread().isInterrupted()) {
                    if (!pending.isEmpty()) {
                        q.setArray(1, c.createArrayOf("text", pending.keySet().toArray()));
                        try (ResultSet rs = q.executeQuery()) {
                            long now = System.nanoTime();
                            while (rs.next()) {
                                long[] p = pending.get(rs.getString(1));
                                if (p != null && rs.getInt(2) >= p[1]) {
                                    latencies.add(now - p[0]);
                                    pending.remove(rs.getString(1));
                                }
                            }
                        }
                    }
                    Thread.sleep(5);
                }
            } catch (InterruptedException done) {
                // finished
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        poller.start();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int n = 0; n < total; n++) {
            long due = start + n * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            Report r = institutions.get(random.nextInt(institutions.size()));
            if (pending.containsKey(r.id())) {
                continue;   // still in flight: a newer revision would hide this one's latency
            }
            int revision = revisions.merge(r.id(), 2, (a, b) -> a + 1);
            Map<String, BigDecimal> figures = new LinkedHashMap<>(r.figures());
            figures.computeIfPresent("physicians", (k, v) -> v.add(BigDecimal.ONE));
            pending.put(r.id(), new long[] {System.nanoTime(), revision});
            producer.send(record(new Report(r.id(), r.kind(), r.reporter(), r.institutionId(), r.division(), figures,
                    r.techniques()), revision));
        }
        producer.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        poller.interrupt();
        poller.join();
        Latencies l = Latencies.of(latencies);
        System.out.printf("  %-52s %7d       p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d never seen)%n",
                "steady " + rate + "/s for " + seconds + " s: send -> committed", l.count(), l.atMs(0.5),
                l.atMs(0.99), l.maxMs(), pending.size());
        // Committed -> sent: the event's own time (stamped as the transaction writes it) against the record's
        // timestamp (the producer's, as the relay sends it), for the window's target-evaluated records.
        awaitZero(postgres, database, OUTBOX_NOT_EMPTY, 20);
        List<Long> relayLags = new ArrayList<>();
        try (TopicReader topic = new TopicReader(bootstrap, Topics.TARGET_EVALUATED)) {
            long from = windowStart.toInstant().toEpochMilli();
            for (var r : topic.readToEnd(Duration.ofSeconds(60))) {
                if (r.timestamp() >= from) {
                    long created = EventJson.read(r.value(), Object.class).time().toInstant().toEpochMilli();
                    relayLags.add((r.timestamp() - created) * 1_000_000L);
                }
            }
        }
        Latencies relay = Latencies.of(relayLags);
        System.out.printf("  %-52s %7d evts  p50 %6.1f ms  p99 %6.1f ms%n", "  then committed -> sent to Kafka",
                relay.count(), relay.atMs(0.5), relay.atMs(0.99));
    }

    /**
     * The cost of the registration advisory lock judging takes (AdvisoryLocks.lockRegistrations: one shared
     * {@code pg_advisory_xact_lock_shared} per judging transaction and province): the same one-statement
     * transaction timed with and without it, here without contention (no registration changes during the
     * burst, so the burst never waits for it; only a registration, which takes it exclusively, can).
     */
    static void registrationLock(PostgresServer postgres, String database, long transactions, double burstSeconds)
            throws Exception {
        int n = 2_000;
        double[] perTx = new double[2];
        try (Connection c = postgres.connect(database)) {
            c.setAutoCommit(false);
            // As in the service: a statement of its own (one more round trip) in a transaction that reads.
            String lock = "select 1 from (select pg_advisory_xact_lock_shared(hashtext(k)) from"
                    + " (select k from unnest(array['registration:45']) k order by k) o) l";
            try (PreparedStatement read = c.prepareStatement("select 1");
                 PreparedStatement locking = c.prepareStatement(lock)) {
                for (int round = 0; round < 2; round++) {           // the first round warms up
                    for (int v = 0; v < 2; v++) {
                        long t = System.nanoTime();
                        for (int i = 0; i < n; i++) {
                            if (v == 1) {
                                locking.executeQuery().close();
                            }
                            read.executeQuery().close();
                            c.commit();
                        }
                        perTx[v] = (System.nanoTime() - t) / 1e3 / n;
                    }
                }
            }
        }
        double lockUs = Math.max(0, perTx[1] - perTx[0]);
        System.out.printf("  %-52s %7.1f us per transaction (%.1f without, %.1f with; %d transactions in the burst:"
                + " %.3f s of %.2f s)%n", "registration advisory lock, shared, uncontended", lockUs, perTx[0], perTx[1],
                transactions, transactions * lockUs / 1e6, burstSeconds);
    }

    /** One report_ref row per report, COPYed in one transaction: the floor for storing the burst. */
    static double copyBaseline(PostgresServer postgres, String database, List<Report> reports) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (Report r : reports) {
            String figures = org.tcmeval.events.FiguresJson.write(r.figures());
            rows.append(UUID.randomUUID()).append('\t').append(r.kind()).append('\t').append(r.reporter()).append('\t')
                    .append(r.institutionId() == null ? "\\N" : r.institutionId()).append('\t').append(r.division())
                    .append("\t2024\t2024\t1\t1\tAPPROVED\t").append(figures).append("\t1\t").append(figures).append('\n');
        }
        try (Connection c = postgres.connect(database)) {
            c.createStatement().execute("create table bench_ref (like report_ref including all)");
            c.setAutoCommit(false);
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_ref (report_id, reporter_kind, unit_id,"
                    + " institution_id, division_code, year, period, revision, version, status, figures, approved_version,"
                    + " approved_figures) from stdin", new StringReader(rows.toString()));
            c.commit();
            double seconds = secondsSince(start);
            c.setAutoCommit(true);
            c.createStatement().execute("drop table bench_ref");
            return seconds;
        }
    }

    /**
     * Dashboard reads at {@code rate} per second for {@code seconds}, open loop: each request is due at a
     * fixed time and its latency is measured from that time, so a slow answer that delays the next ones
     * is counted against them too (no coordinated omission). The mix is the issue's: the scorecard of the
     * busiest county, its city and the province; one level down (the city's counties, the county's first
     * 100 institutions); and the county's gap list.
     */
    static void reads(String base, String token, Map<String, String> institutionDivision, int rate, int seconds)
            throws Exception {
        Map<String, Integer> perCounty = new HashMap<>();
        institutionDivision.values().forEach(d -> perCounty.merge(d.substring(0, 6), 1, Integer::sum));
        String county = Collections.max(perCounty.entrySet(), Map.Entry.comparingByValue()).getKey();
        String city = county.substring(0, 4);
        String indicator = "CHSC_THC_TECHNIQUE_CAPACITY";
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("scorecard county " + county, "/api/v1/scorecards/" + county + "?year=2024");
        kinds.put("scorecard city " + city, "/api/v1/scorecards/" + city + "?year=2024");
        kinds.put("scorecard province 45", "/api/v1/scorecards/45?year=2024");
        kinds.put("children of city (counties)", "/api/v1/scorecards/" + city + "/indicators/" + indicator
                + "/children?year=2024");
        kinds.put("children of county (100 institutions)", "/api/v1/scorecards/" + county + "/indicators/"
                + indicator + "/children?year=2024&limit=100");
        kinds.put("gap list of county (first page of 100)", "/api/v1/scorecards/" + county + "/indicators/" + indicator
                + "/gaps?year=2024&limit=100");
        List<String> names = new ArrayList<>(kinds.keySet());
        // Warm-up: one of each, so the JIT and the connection pool are not what is measured.
        for (int i = 0; i < 3; i++) {
            for (String n : names) {
                HTTP.send(get(base + kinds.get(n), token), HttpResponse.BodyHandlers.ofString());
            }
        }
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        Map<String, Set<Integer>> statuses = new ConcurrentHashMap<>();
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        List<java.util.concurrent.CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String name = names.get(i % names.size());
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            pending.add(HTTP.sendAsync(get(base + kinds.get(name), token), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(r -> {
                        long latency = System.nanoTime() - due;
                        times.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(latency);
                        times.computeIfAbsent("all", k -> Collections.synchronizedList(new ArrayList<>())).add(latency);
                        statuses.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet()).add(r.statusCode());
                    }));
        }
        java.util.concurrent.CompletableFuture.allOf(pending.toArray(new java.util.concurrent.CompletableFuture[0]))
                .get(120, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%ndashboard reads, open loop: %d requests at %d/s over %.1f s (county %s)%n", total, rate,
                elapsed, county);
        names.add("all");
        for (String n : names) {
            Latencies t = Latencies.of(times.getOrDefault(n, List.of()));
            if (t.isEmpty()) {
                continue;
            }
            System.out.printf("  %-52s %5d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %s%n", n, t.count(),
                    t.nearestRankMs(50), t.nearestRankMs(95), t.nearestRankMs(99), t.maxMs(),
                    n.equals("all") ? "" : "HTTP " + statuses.get(n));
        }
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build();
    }

    static void scorecard(String base, String token, String division, String profile) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/scorecards/" + division
                        + "?year=2024" + (profile == null ? "" : "&profile=" + profile)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("scorecard answered " + r.statusCode() + ": " + r.body());
        }
    }

    static com.fasterxml.jackson.databind.JsonNode scorecardJson(String base, String token, String division,
            String profile) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/scorecards/" + division
                        + "?year=2024" + (profile == null ? "" : "&profile=" + profile)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    /** Counts the division's cells by status and lists those without a value or verdict, with their reason. */
    static void audit(com.fasterxml.jackson.databind.JsonNode card, String division) {
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        List<String> silent = new ArrayList<>();
        for (var e : card.get("indicators")) {
            String status = e.get("status").asText();
            byStatus.merge(status, 1, Integer::sum);
            if (status.equals("NO_DATA") || status.equals("NOT_COMPUTED")) {
                silent.add(e.get("indicatorCode").asText() + " " + status + " (" + e.path("reason").asText("") + ")");
            }
        }
        System.out.printf("  scorecard %s 2024: %s%n", division, byStatus);
        silent.forEach(x -> System.out.printf("      %s%n", x));
    }

    /** Cells whose status, value or population differ between two scorecards of the same division. */
    static void compare(com.fasterxml.jackson.databind.JsonNode stored, com.fasterxml.jackson.databind.JsonNode chosen,
            String division) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> byCode = new HashMap<>();
        chosen.get("indicators").forEach(e -> byCode.put(e.get("indicatorCode").asText(), e));
        int differ = 0;
        for (var e : stored.get("indicators")) {
            var c = byCode.get(e.get("indicatorCode").asText());
            for (String f : List.of("status", "value", "numerator", "denominator", "population", "populationSource")) {
                String a = e.path(f).isNumber() ? e.path(f).decimalValue().stripTrailingZeros().toPlainString() : e.path(f).asText();
                String b = c == null ? "<absent>" : c.path(f).isNumber()
                        ? c.path(f).decimalValue().stripTrailingZeros().toPlainString() : c.path(f).asText();
                if (!a.equals(b)) {
                    differ++;
                    System.out.printf("      %s %s %s: stored %s, chosen %s%n", division, e.get("indicatorCode").asText(), f, a, b);
                }
            }
        }
        System.out.printf("  scorecard %s stored vs under guangxi-2022 on reading: %d fields differ%n", division, differ);
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p);
    }

    /**
     * Waits until every report of the burst is applied and committed. Evaluation applies a partition's
     * records in order, a poll per transaction, so once each partition's last report is in report_ref
     * the partition is; that probe is an index lookup on one open connection. A count(*) of report_ref
     * every 100 ms over new connections cost PostgreSQL 2.0 s of the 9.0 s CPU it spent on a 13.3 s burst
     * (pg_stat_statements, 2026-12-02), taken from the service it measures on two cores. One full count
     * confirms the end; if it falls short the wait goes on with counts.
     */
    static double awaitAbsorbed(PostgresServer postgres, String database, java.util.Collection<String> lastIds,
            int expected, long start) throws Exception {
        try (Connection c = postgres.connect(database);
             PreparedStatement probe = c.prepareStatement("select count(*) from report_ref where report_id = any(?)");
             PreparedStatement all = c.prepareStatement("select count(*) from report_ref")) {
            probe.setArray(1, c.createArrayOf("uuid", lastIds.stream().map(UUID::fromString).toArray()));
            while (true) {
                long in;
                try (ResultSet rs = probe.executeQuery()) {
                    rs.next();
                    in = rs.getLong(1);
                }
                if (in == lastIds.size()) {
                    double at = secondsSince(start);
                    try (ResultSet rs = all.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) >= expected) {
                            return at;
                        }
                    }
                    Thread.sleep(100);
                } else {
                    Thread.sleep(10);
                }
            }
        }
    }

    /** Polls {@code sql} (a count) on one open connection until it answers 0. */
    static void awaitZero(PostgresServer postgres, String database, String sql, long sleepMillis) throws Exception {
        try (Connection c = postgres.connect(database);
             PreparedStatement q = c.prepareStatement(sql)) {
            while (true) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(sleepMillis);
            }
        }
    }

    /**
     * Samples, every 10 ms on its own connection, how many of the database's backends are running a
     * statement and how many of those wait on a lock (row, transaction or advisory): what a second
     * instance costs in lock waits rather than work.
     */
    static final class LockWaits {
        private final Thread sampler;
        private volatile boolean running = true;
        private long samples;
        private long active;
        private long waiting;
        private int maxWaiting;
        private final Map<String, Long> byEvent = new java.util.TreeMap<>();

        private LockWaits(PostgresServer postgres, String database) {
            sampler = new Thread(() -> {
                try (Connection c = postgres.connect(database);
                        PreparedStatement q = c.prepareStatement("select state = 'active', wait_event_type = 'Lock',"
                                + " wait_event from pg_stat_activity where datname = current_database()"
                                + " and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
                    while (running) {
                        int w = 0;
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                if (rs.getBoolean(1)) {
                                    active++;
                                }
                                if (rs.getBoolean(2)) {
                                    w++;
                                    byEvent.merge(rs.getString(3), 1L, Long::sum);
                                }
                            }
                        }
                        samples++;
                        waiting += w;
                        maxWaiting = Math.max(maxWaiting, w);
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    System.out.println("lock-wait sampler stopped: " + e);
                }
            }, "lock-waits");
            sampler.setDaemon(true);
        }

        static LockWaits start(PostgresServer postgres, String database) {
            LockWaits w = new LockWaits(postgres, database);
            w.sampler.start();
            return w;
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        void print(double seconds) {
            System.out.printf("  %-52s %7.2f       of %.2f running on average (max %d waiting; %d samples over %.1f s)%s%n",
                    "backends waiting on a lock during the burst", samples == 0 ? 0 : (double) waiting / samples,
                    samples == 0 ? 0 : (double) active / samples, maxWaiting, samples, seconds,
                    byEvent.isEmpty() ? "" : " " + byEvent);
        }
    }
}

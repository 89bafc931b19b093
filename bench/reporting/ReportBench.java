import static org.tcmeval.infra.Latencies.secondsSince;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.TopicReader;
import org.tcmeval.infra.BenchKnobs;
import org.tcmeval.infra.BenchService;
import org.tcmeval.infra.KafkaBroker;
import org.tcmeval.infra.Latencies;
import org.tcmeval.infra.Ports;
import org.tcmeval.infra.PostgresServer;
import org.tcmeval.infra.ProcessCpu;
import org.tcmeval.infra.ProcessMemory;
import org.tcmeval.infra.Processes;
import org.tcmeval.launcher.DemoYear;
import org.tcmeval.launcher.ServiceProcess;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.demo.DemoProvince;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.testing.BenchTokens;

/**
 * Reporting benchmark, not a test: starts a real PostgreSQL (durable, fsync on) and Kafka broker,
 * runs the built reporting jar against them (clock pinned to 2025-02-15 so 2024's window is open),
 * feeds it the demo province's institutions over institution-changed, then pushes the demo year
 * (DemoYear: ~21,000 institution reports plus county and city reports) through one bulk report
 * job and prints reports/s accepted and the time until the last event is on Kafka, next to a raw
 * PostgreSQL COPY of the same rows in the same run; then single submissions at a steady 100/s
 * (p50/p99) and the service's RSS after the burst.
 *
 * Run with bench/reporting/run.sh [seed] [singles] [all-or-nothing|good-rows].
 */
public class ReportBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : DemoProvince.DEFAULT_SEED;
        int singles = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String mode = args.length > 2 ? args[2] : "all-or-nothing";
        Path jar = Path.of("services/reporting/target/quarkus-app/quarkus-run.jar");
        Path work = Files.createTempDirectory("reporting-bench");
        BenchTokens tokens = BenchTokens.generate();

        long t = System.nanoTime();
        DemoProvince.Data province = DemoProvince.generate(seed);
        DemoYear.Year year = DemoYear.generate(province, seed);
        byte[] csv = year.csv().getBytes(StandardCharsets.UTF_8);
        int rows = year.rows().size();
        System.out.printf("generated the demo year (seed %d) in %.2f s: %d institution, %d county, %d city reports, %d KB%n",
                seed, secondsSince(t), year.institutions(), year.counties(), year.cities(), csv.length / 1024);

        PostgresServer postgres = PostgresServer.start(work.resolve("pg"), Ports.free());
        KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), Ports.free());
        createTopic(kafka.bootstrapServers(), Topics.REPORT_SUBMITTED);
        Process service = null;
        try {
            String database = "reporting_bench";
            postgres.createDatabases(List.of(database));
            int port = Ports.free();
            int managementPort = Ports.free();
            Path log = work.resolve("reporting.log");
            // The launcher's options, so the bench measures the service as deploy/tcm.sh runs it.
            List<String> command = ServiceProcess.javaCommand(Processes.javaBinary());
            command.addAll(BenchKnobs.extraJvmOptions());
            command.addAll(BenchService.systemProperties(port, managementPort, postgres, database, kafka));
            command.add("-Dquarkus.oidc.auth-server-url=");
            command.addAll(tokens.oidcSystemProperties());
            command.addAll(List.of("-Dtcm.reporting.fixed-clock=2025-02-15T02:00:00Z", "-jar", jar.toString()));
            ProcessBuilder launch = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            launch.environment().putAll(ServiceProcess.JVM_ENVIRONMENT);
            service = launch.start();
            String base = "http://127.0.0.1:" + port;
            // Health is on the management interface, not the API port.
            BenchService.awaitReady("http://127.0.0.1:" + managementPort, service, log, Duration.ofSeconds(120));
            System.out.println("reporting is up (log: " + log + ")");
            // An access token as Keycloak issues it: services refuse anything else (ID tokens, other audiences).
            String token = tokens.token("bench-platform", "platform-integration", DemoProvince.PROVINCE, "tcm-api");

            // The institutions, as the registry would publish them, plus extra centres for the single submissions.
            t = System.nanoTime();
            List<String> extra = new ArrayList<>();
            int published = publishInstitutions(kafka.bootstrapServers(), province, singles, extra);
            int items = publishTechniques(kafka.bootstrapServers());
            while (postgres.count(database, "select count(*) from institution_ref") < published
                    || postgres.count(database, "select count(*) from technique_ref_item") < items) {
                Thread.sleep(200);
            }
            System.out.printf("  %-46s %6d rows   %7.2f s%n", "institutions projected from Kafka", published,
                    secondsSince(t));

            // Baseline: the same rows COPYed raw into PostgreSQL (a report row and a version row each).
            double copySeconds = copyBaseline(postgres, database, year);
            System.out.printf("  %-46s %6d rows   %7.2f s %8.0f rows/s%n", "raw COPY (report + version rows)", rows,
                    copySeconds, rows / copySeconds);

            // A dry run first, as an integrator would: it checks every row and stores nothing (and warms the JIT).
            long dryStart = System.nanoTime();
            HttpResponse<String> dryAnswer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/report-jobs?dryRun=true"))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/csv; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (dryAnswer.statusCode() != 202) {
                throw new IllegalStateException("dry run answered " + dryAnswer.statusCode() + ": " + dryAnswer.body());
            }
            String dry = dryAnswer.headers().firstValue("Location").orElseThrow();
            String dryJob;
            do {
                Thread.sleep(20);
                dryJob = get(dry, token);
            } while (field(dryJob, "state").equals("QUEUED") || field(dryJob, "state").equals("RUNNING"));
            System.out.printf("  %-46s %6d rows   %7.2f s %8.0f rows/s   (%s, %s rows refused)%n", "dry run (checks only)",
                    rows, secondsSince(dryStart), rows / secondsSince(dryStart), field(dryJob, "state"),
                    field(dryJob, "rowsFailed"));

            // The bulk job, end to end.
            double cpuBefore = ProcessCpu.seconds(service.pid());
            double pgCpuBefore = ProcessCpu.withChildrenSeconds(postgres.postmasterPid());
            double kafkaCpuBefore = ProcessCpu.seconds(kafka.pid());
            ProcessMemory.resetPeak(service.pid());
            try (Connection c = postgres.connect(database)) {
                BenchKnobs.statementsReset(c);
            }
            long start = System.nanoTime();
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/report-jobs?mode=" + mode))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/csv; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("job answered " + accepted.statusCode() + ": " + accepted.body());
            }
            double acceptSeconds = secondsSince(start);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            // Watched on one held connection: polling the job's URL 50 times a second (a token check, a
            // session and a read each) made the bench a load of its own on the service it measures; an
            // integrator polls every few seconds. The API is read once the job has ended.
            String jobId = location.substring(location.lastIndexOf('/') + 1);
            double doneSeconds;
            double eventsSeconds;
            try (Connection watch = postgres.connect(database)) {
                while (List.of("QUEUED", "RUNNING").contains(scalar(watch, "select state from report_job where id = '" + jobId + "'"))) {
                    Thread.sleep(5);
                }
                doneSeconds = secondsSince(start);
                BenchKnobs.trimOnEnd(service.pid());
                // The oldest row by the primary key, not count(*): sent rows are deleted, and until vacuum
                // has been by, a count reads every dead one (~55 ms a poll after a province).
                while (!"0".equals(scalar(watch, "select count(*) from (select 1 from outbox_event order by seq limit 1) o"))) {
                    Thread.sleep(5);
                }
                eventsSeconds = secondsSince(start);
                BenchKnobs.printStatements(watch, "the bulk job and its relay", 15);
            }
            String job = get(location, token);
            String state = field(job, "state");
            if (!state.equals("COMPLETED")) {
                throw new IllegalStateException("job ended " + job + "; errors: " + get(location + "/errors", token)
                        .substring(0, 2000));
            }
            double cpu = ProcessCpu.seconds(service.pid()) - cpuBefore;
            double pgCpu = ProcessCpu.withChildrenSeconds(postgres.postmasterPid()) - pgCpuBefore;
            double kafkaCpu = ProcessCpu.seconds(kafka.pid()) - kafkaCpuBefore;
            long events;
            // The relay deletes what Kafka acknowledged: the topic is where the events are counted.
            try (TopicReader topic = new TopicReader(kafka.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
                events = topic.endOffsetsTotal();
            }
            System.out.printf("  %-46s %6d rows   %7.2f s   (mode %s)%n", "upload answered 202 (job recorded)", rows,
                    acceptSeconds, mode);
            System.out.printf("  %-46s %6d rows   %7.2f s %8.0f reports/s   (created %s)%n",
                    "bulk job stored (reports, versions, outbox)", rows, doneSeconds, rows / doneSeconds,
                    field(job, "created"));
            System.out.printf("  %-46s %6d events %7.2f s %8.0f reports/s end to end%n",
                    "last event acknowledged by Kafka", events, eventsSeconds, rows / eventsSeconds);
            System.out.printf("  %-46s %6.1fx the raw COPY%n", "bulk job (stored) vs raw COPY", doneSeconds / copySeconds);
            System.out.printf("  %-46s %6.2f s  %8.0f reports per CPU-second of reporting (load average %s)%n",
                    "reporting CPU time, upload to last event", cpu, rows / cpu,
                    ProcessCpu.loadAverage());
            System.out.printf("  %-46s %6.2f s, Kafka broker %.2f s (%s JIT)%n", "PostgreSQL CPU time, upload to last event",
                    pgCpu, kafkaCpu, "full".equals(System.getenv("TCM_KAFKA_JIT")) ? "full" : "C1-only");
            System.out.printf("  %-46s %6d MB%n", "reporting RSS right after the burst", ProcessMemory.rssKb(service.pid()) / 1024);
            System.out.printf("  %-46s %6d MB%n", "reporting RSS peak during the burst",
                    ProcessMemory.peakRssKb(service.pid()) / 1024);
            BenchKnobs.printMemory(service.pid(), work, "right-after");
            // Settled: what the service keeps once idle (the launcher's idle heap trim gives heap back).
            Thread.sleep(BenchKnobs.settleSeconds() * 1000L);
            System.out.printf("  %-46s %6d MB   (after %d s idle)%n", "reporting RSS settled", ProcessMemory.rssKb(service.pid()) / 1024,
                    BenchKnobs.settleSeconds());
            BenchKnobs.printMemory(service.pid(), work, "settled");

            // Single submissions at a steady 100/s, open loop. The first seconds after the burst are a path
            // the JIT has not compiled yet (a long-running service pays that once): reported apart, not hidden.
            int warm = Math.min(300, extra.size() / 4);
            // The service's own timer of the same requests (Micrometer, from the request's arrival to its answer):
            // what the client waited beyond that was spent before the service read the request.
            String metrics = "http://127.0.0.1:" + managementPort + "/q/metrics";
            double[] before = serverTimer(metrics);
            double cpuWarm = ProcessCpu.seconds(service.pid());
            printLatencies("single submissions, first " + warm + " (warm-up)", steady(base, token, extra.subList(0, warm), 100));
            double[] afterWarm = serverTimer(metrics);
            double cpuSteady = ProcessCpu.seconds(service.pid());
            printServerMean("  in the service (mean, max)", before, afterWarm, cpuSteady - cpuWarm);
            printLatencies("single submissions at 100/s", steady(base, token, extra.subList(warm, extra.size()), 100));
            printServerMean("  in the service (mean, max)", afterWarm, serverTimer(metrics),
                    ProcessCpu.seconds(service.pid()) - cpuSteady);
            System.out.printf("  %-46s %6d MB%n", "reporting RSS at the end", ProcessMemory.rssKb(service.pid()) / 1024);
            System.out.printf("%n%s CPUs; the goal is >= 5,000 reports/s end to end (a province in under 5 s)%n",
                    Runtime.getRuntime().availableProcessors());
        } finally {
            BenchService.tearDown(work, kafka, postgres, Collections.singletonList(service));
        }
    }

    /**
     * Creates the topic the job publishes to, as a deploy does before the services start: left to
     * auto-creation on the first publish, the relay's first round waited for it (metadata, leader
     * election) inside the measured time. Broker defaults, as auto-creation would have it.
     */
    static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    static int publishInstitutions(String bootstrap, DemoProvince.Data province, int extraCount, List<String> extra)
            throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        int n = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (InstitutionCsv.Line line : province.institutions()) {
                InstitutionDraft d = line.draft();
                send(producer, UUID.randomUUID().toString(), d.name(), d.type(), d.divisionCode(), d.openedOn(), d.closedOn(),
                        d.uscc(), d.registrationNumber());
                n++;
            }
            for (int i = 0; i < extraCount; i++) {
                String id = UUID.randomUUID().toString();
                send(producer, id, "基准测试卫生院" + i, InstitutionType.THC, "450902100", LocalDate.of(2000, 1, 1), null, null,
                        null);
                extra.add(id);
                n++;
            }
            producer.flush();
        }
        return n;
    }

    /** The national technique list as the catalogue would publish it: the classes and items the demo year cites. */
    static int publishTechniques(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int n = 0;
        int order = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (List<String> codes : DemoYear.techniqueItems()) {
                String classCode = codes.get(0).substring(0, codes.get(0).lastIndexOf('_'));
                List<TechniqueClassChanged.Item> items = codes.stream()
                        .map(c -> new TechniqueClassChanged.Item(c, c, c, false)).toList();
                TechniqueClassChanged e = new TechniqueClassChanged(classCode, 1, classCode, classCode, ++order, items,
                        "bench", java.time.OffsetDateTime.now());
                producer.send(new ProducerRecord<>(Topics.TECHNIQUE_CHANGED, TechniqueClassChanged.key(e.scope(), classCode),
                        EventJson.write(EventEnvelope.of("/indicator-catalog", EventTypes.TECHNIQUE_CLASS_CHANGED, classCode,
                                TechniqueClassChanged.VERSION, e))));
                n += codes.size();
            }
            producer.flush();
        }
        return n;
    }

    static void send(KafkaProducer<String, String> producer, String id, String name, InstitutionType type, String division,
            LocalDate opened, LocalDate closed, String uscc, String registration) {
        InstitutionChanged e = new InstitutionChanged(id, 1, name, type, division, division.substring(0, 6), opened, closed,
                uscc, registration, "PUBLIC", null, null);
        producer.send(new ProducerRecord<>(Topics.INSTITUTION_CHANGED, id, EventJson.write(EventEnvelope.of(
                "/institution-registry", EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, e))));
    }

    /** COPY of one report row and one version row per data row, inside one transaction, as the floor. */
    static double copyBaseline(PostgresServer postgres, String database, DemoYear.Year year) throws Exception {
        String[] lines = year.csv().split("\r\n");
        StringBuilder reports = new StringBuilder();
        StringBuilder versions = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String id = UUID.randomUUID().toString();
            String figures = "{\"physicians\": " + (i % 40) + ", \"tcmPhysicians\": " + (i % 10) + "}";
            reports.append(id).append("\tINSTITUTION\t").append(UUID.randomUUID()).append("\t450902100\t2024\t2024\t1\t"
                    + "SUBMITTED\t1\t2025-02-15 10:00:00+08\t2025-02-15 10:00:00+08\t2025-02-15 10:00:00+08\n");
            versions.append(id).append("\t1\t").append(figures).append("\tSUBMITTED\tbench\t2025-02-15 10:00:00+08\n");
        }
        try (Connection c = postgres.connect(database)) {
            c.createStatement().execute("create table bench_report (like report including all)");
            c.createStatement().execute("create table bench_version (like report_version including all)");
            c.setAutoCommit(false);
            long start = System.nanoTime();
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy bench_report (id, reporter_kind, reporter_id, division_code, period, year, current_version, "
                    + "status, revision, first_submitted_at, created_at, updated_at) from stdin",
                    new StringReader(reports.toString()));
            copy.copyIn("copy bench_version (report_id, version, figures, status, submitted_by, submitted_at) from stdin",
                    new StringReader(versions.toString()));
            c.commit();
            double seconds = secondsSince(start);
            c.setAutoCommit(true);
            c.createStatement().execute("drop table bench_report, bench_version");
            return seconds;
        }
    }

    static void printLatencies(String what, List<Long> nanos) {
        Latencies l = Latencies.of(nanos);
        System.out.printf("  %-46s %6d reqs   p50 %5.1f ms   p99 %5.1f ms   max %5.1f ms%n", what, l.count(),
                l.atMs(0.5), l.atMs(0.99), l.maxMs());
    }

    /** Count, sum (s) and max (s) of the service's timer of {@code POST /api/v1/reports}. */
    static double[] serverTimer(String url) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        double[] t = new double[3];
        for (String line : text.split("\n")) {
            if (!line.startsWith("http_server_requests_seconds") || !line.contains("method=\"POST\"")
                    || !line.contains("uri=\"/api/v1/reports\"") || !line.contains("status=\"201\"")) {
                continue;
            }
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (line.startsWith("http_server_requests_seconds_count")) {
                t[0] += value;
            } else if (line.startsWith("http_server_requests_seconds_sum")) {
                t[1] += value;
            } else if (line.startsWith("http_server_requests_seconds_max")) {
                t[2] = Math.max(t[2], value);
            }
        }
        return t;
    }

    /** The service's mean and max for the requests between two timer reads, and its CPU per request. */
    static void printServerMean(String what, double[] before, double[] after, double cpuSeconds) {
        double n = after[0] - before[0];
        System.out.printf("  %-46s %6.0f reqs   mean %5.1f ms   max (last minute) %5.1f ms   CPU %4.1f ms/req%n", what, n,
                n == 0 ? 0 : (after[1] - before[1]) / n * 1000, after[2] * 1000, n == 0 ? 0 : cpuSeconds / n * 1000);
    }

    /** Open loop: one submission every 1/rate s, whatever the answers take; answers each latency. */
    static List<Long> steady(String base, String token, List<String> institutions, int rate) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> calls = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        int[] next = {0};
        var task = clock.scheduleAtFixedRate(() -> {
            if (next[0] >= institutions.size()) {
                return;
            }
            String id = institutions.get(next[0]++);
            String body = "{\"institutionId\": \"" + id + "\", \"period\": \"2024\", \"figures\": {\"physicians\": 8, "
                    + "\"tcmPhysicians\": 2}}";
            long sent = System.nanoTime();
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                        if (r.statusCode() != 201) {
                            System.err.println("single submission answered " + r.statusCode() + ": " + r.body());
                        }
                        latencies.add(System.nanoTime() - sent);
                    }));
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        while (next[0] < institutions.size()) {
            Thread.sleep(100);
        }
        task.cancel(false);
        clock.shutdown();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return new ArrayList<>(latencies);
    }

    static String get(String url, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The first column of the first row, as text. */
    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}

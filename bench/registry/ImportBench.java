import static org.tcmeval.infra.Latencies.secondsSince;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tcmeval.infra.BenchService;
import org.tcmeval.infra.KafkaBroker;
import org.tcmeval.infra.Ports;
import org.tcmeval.infra.PostgresServer;
import org.tcmeval.infra.Processes;
import org.tcmeval.registry.demo.DemoProvince;
import org.tcmeval.testing.BenchTokens;

/**
 * Import benchmark of the institution registry, not a test: starts a real PostgreSQL (durable,
 * fsync on) and Kafka broker, runs the built service jar against them, imports the generated demo
 * province through the HTTP API as a province administrator would, and prints rows/s.
 *
 * Run with bench/registry/run.sh [seed] [rounds].
 */
public class ImportBench {

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : DemoProvince.DEFAULT_SEED;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path jar = Path.of("services/institution-registry/target/quarkus-app/quarkus-run.jar");
        Path work = Files.createTempDirectory("registry-bench");
        BenchTokens tokens = BenchTokens.generate();

        long t = System.nanoTime();
        DemoProvince.Data demo = DemoProvince.generate(seed);
        byte[] divisions = demo.divisionsCsv().getBytes(StandardCharsets.UTF_8);
        byte[] institutions = demo.institutionsCsv().getBytes(StandardCharsets.UTF_8);
        System.out.printf("generated demo province (seed %d) in %.2f s: %d divisions (%d KB), %d institutions (%d KB)%n",
                seed, secondsSince(t), demo.divisions().size(), divisions.length / 1024, demo.institutions().size(),
                institutions.length / 1024);

        PostgresServer postgres = PostgresServer.start(work.resolve("pg"), Ports.free());
        KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), Ports.free());
        List<Process> services = new ArrayList<>();
        try {
            List<Double> importRates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // A fresh database per round, so every round registers the whole province.
                String database = "registry_bench_" + round;
                postgres.createDatabases(List.of(database));
                int port = Ports.free();
                int managementPort = Ports.free();
                List<String> command = new ArrayList<>(List.of(Processes.javaBinary(), "-Xmx1g"));
                command.addAll(BenchService.systemProperties(port, managementPort, postgres, database, kafka));
                command.addAll(tokens.oidcSystemProperties());
                command.addAll(List.of("-jar", jar.toString()));
                Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("service-" + round + ".log").toFile()).start();
                services.add(service);
                String base = "http://127.0.0.1:" + port;
                // Health is on the management interface, not the API port.
                BenchService.awaitReady("http://127.0.0.1:" + managementPort, service,
                        work.resolve("service-" + round + ".log"), Duration.ofSeconds(90));
                String token = tokens.token("bench", "province-admin", DemoProvince.PROVINCE, "tcm-api");
                System.out.printf("%nround %d (service log: %s)%n", round, work.resolve("service-" + round + ".log"));
                timed("import divisions", demo.divisions().size(), () -> post(base + "/api/v1/divisions/import", token, divisions));
                double seconds = timed("import institutions", demo.institutions().size(),
                        () -> post(base + "/api/v1/institutions/import", token, institutions));
                importRates.add(demo.institutions().size() / seconds);
                // The relay publishes while the import commits nothing else; time until the last event is acknowledged.
                long start = System.nanoTime();
                while (postgres.count(database, "select count(*) from (select 1 from outbox_event order by seq limit 1) o") > 0) {
                    Thread.sleep(50);
                }
                System.out.printf("  %-42s %6d events %7.2f s %8.0f events/s%n", "outbox published to Kafka (after import)",
                        demo.institutions().size(), secondsSince(start), demo.institutions().size() / secondsSince(start));
                timed("re-import institutions (nothing changes)", demo.institutions().size(),
                        () -> post(base + "/api/v1/institutions/import", token, institutions));
                timed("export institutions", demo.institutions().size(),
                        () -> get(base + "/api/v1/institutions/export?division=45", token));
                service.destroy();
                service.waitFor();
            }
            importRates.sort(Double::compare);
            System.out.printf("%ninstitution import, median of %d rounds: %.0f rows/s (%s)%n", rounds,
                    importRates.get(importRates.size() / 2), Runtime.getRuntime().availableProcessors() + " CPUs");
        } finally {
            BenchService.tearDown(work, kafka, postgres, services);
        }
    }

    interface Call {
        void run() throws Exception;
    }

    static double timed(String what, int rows, Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        double seconds = secondsSince(start);
        System.out.printf("  %-42s %6d rows   %7.2f s %8.0f rows/s%n", what, rows, seconds, rows / seconds);
        return seconds;
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static void post(String url, String token, byte[] csv) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        check(url, r);
    }

    static void get(String url, String token) throws Exception {
        check(url, HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString()));
    }

    static void check(String url, HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}

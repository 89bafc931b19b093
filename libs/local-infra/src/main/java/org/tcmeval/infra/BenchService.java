package org.tcmeval.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * What every bench does around the service it measures, written once: the system properties that point
 * a built service jar at the bench's own PostgreSQL and Kafka, waiting for its readiness, and removing
 * the databases and broker data afterwards (keeping the service logs).
 */
public final class BenchService {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private BenchService() {
    }

    /**
     * The bench profile, the API and management ports, the datasource of {@code database} on
     * {@code postgres} and the broker, as {@code -D} options to put before {@code -jar}.
     */
    public static List<String> systemProperties(int port, int managementPort, PostgresServer postgres, String database,
            KafkaBroker kafka) {
        return List.of("-Dquarkus.profile=bench",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(database),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(database),
                "-Dquarkus.datasource.username=" + postgres.user(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
    }

    /**
     * Polls {@code managementBase/q/health/ready} every 250 ms until it answers 200; fails at once when
     * the service exits and after {@code timeout}, pointing at its log.
     */
    public static void awaitReady(String managementBase, Process service, Path log, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("service exited; see " + log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(managementBase + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /**
     * The end of a bench, also after a failure: stops the services (each may be null or already stopped),
     * then the broker and PostgreSQL, and deletes {@code work/pg} and {@code work/kafka} (hundreds of MB a
     * run) while the service logs in {@code work} stay.
     */
    public static void tearDown(Path work, KafkaBroker kafka, PostgresServer postgres, Iterable<Process> services)
            throws InterruptedException {
        for (Process service : services) {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
        }
        kafka.close();
        postgres.close();
        deleteInfraData(work);
    }

    private static void deleteInfraData(Path work) {
        for (String data : List.of("pg", "kafka")) {
            try (var files = Files.walk(work.resolve(data))) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

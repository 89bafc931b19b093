package org.tcmeval.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcmeval.infra.KafkaBroker;
import org.tcmeval.infra.Ports;
import org.tcmeval.infra.PostgresServer;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL and a real Kafka broker, started once per test
 * JVM on free loopback ports and stopped when the JVM ends. Init arg {@code database} names the
 * service's database. {@code TCM_PG_URL} / {@code TCM_KAFKA_BOOTSTRAP} point at existing servers.
 */
public class InfraResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static Path kafkaDir;
    private static int kafkaPort;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startServers();
        postgres.createDatabases(List.of(database));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }

    public static synchronized String bootstrapServers() {
        startServers();
        return kafka.bootstrapServers();
    }

    private static synchronized void startServers() {
        if (postgres != null) {
            return;
        }
        try {
            Path work = Files.createTempDirectory("tcm-test-infra");
            postgres = PostgresServer.start(null, Ports.free());
            kafkaDir = work.resolve("kafka");
            kafkaPort = Ports.free();
            kafka = KafkaBroker.start(kafkaDir, kafkaPort);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the broker, runs {@code whileDown}, and starts it again on the same port with the same
     * data, as an outage would: for tests that prove nothing accepted meanwhile is lost.
     */
    public static synchronized void withKafkaDown(Runnable whileDown) {
        startServers();
        kafka.close();
        try {
            whileDown.run();
        } finally {
            kafka = KafkaBroker.start(kafkaDir, kafkaPort);
        }
    }

    @Override
    public void stop() {
        // Servers live as long as the test JVM so that every test class of the module shares them.
    }
}

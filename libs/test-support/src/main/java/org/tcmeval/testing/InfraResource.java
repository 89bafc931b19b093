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
    private boolean attach;

    /** JVM-wide (system properties outlive the class loader of each Quarkus restart): the servers started first. */
    private static final String PG_PROPERTY = "tcm.test.pg.url";
    private static final String KAFKA_PROPERTY = "tcm.test.kafka.bootstrap";

    /**
     * Init args: {@code database}; {@code attach=true} to use the servers an earlier test class of this
     * JVM started, when there are some. A test profile restarts Quarkus in a new class loader, whose
     * copy of this class would otherwise start servers of its own: a profile that must read what the
     * plain tests left (topics, databases) attaches.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        attach = Boolean.parseBoolean(initArgs.getOrDefault("attach", "false"));
    }

    @Override
    public Map<String, String> start() {
        startServers(attach);
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

    /**
     * Creates {@code database} (if new) on the shared server and answers the datasource settings that
     * point at it: for a test profile that runs the service against a second, empty database.
     */
    public static synchronized Map<String, String> datasource(String database) {
        startServers(true);
        postgres.createDatabases(List.of(database));
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    public static synchronized String bootstrapServers() {
        startServers();
        return kafka.bootstrapServers();
    }

    private static synchronized void startServers() {
        startServers(false);
    }

    private static synchronized void startServers(boolean attach) {
        if (postgres != null) {
            return;
        }
        if (attach && System.getProperty(PG_PROPERTY) != null && System.getProperty(KAFKA_PROPERTY) != null) {
            postgres = PostgresServer.external(System.getProperty(PG_PROPERTY));
            kafka = KafkaBroker.external(System.getProperty(KAFKA_PROPERTY));
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
            if (System.getProperty(PG_PROPERTY) == null) {
                System.setProperty(PG_PROPERTY, "postgresql://" + postgres.user() + ":" + postgres.password()
                        + "@127.0.0.1:" + postgres.port());
                System.setProperty(KAFKA_PROPERTY, kafka.bootstrapServers());
            }
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

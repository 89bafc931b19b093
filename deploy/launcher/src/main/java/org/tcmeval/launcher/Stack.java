package org.tcmeval.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tcmeval.infra.KafkaBroker;
import org.tcmeval.infra.KeycloakServer;
import org.tcmeval.infra.PostgresServer;

/**
 * The whole suite on loopback: one PostgreSQL (a database per service), one Kafka broker, one
 * Keycloak and the four services as separate processes. Used by command 1 and by the suite test,
 * so what the test proves is what a user runs.
 */
public final class Stack implements AutoCloseable {

    public static final String REALM = "tcm";
    public static final List<String> SERVICES = List.of("institution-registry", "indicator-catalog", "reporting",
            "evaluation");
    private static final Map<String, String> DATABASE = Map.of("institution-registry", "registry",
            "indicator-catalog", "catalog", "reporting", "reporting", "evaluation", "evaluation");
    private static final Map<String, String> PORT_VARIABLE = Map.of("institution-registry", "TCM_REGISTRY_PORT",
            "indicator-catalog", "TCM_CATALOG_PORT", "reporting", "TCM_REPORTING_PORT", "evaluation",
            "TCM_EVALUATION_PORT");

    /**
     * Where things live and which loopback ports they use.
     *
     * @param servicePorts each service's API port; {@code managementPorts} its health and metrics port
     * @param keycloakHome where the Keycloak distribution is unpacked and built once (slow the first time)
     * @param persistent keep PostgreSQL data and Keycloak's realm between runs (command 1); false for tests
     */
    public record Layout(Path root, Path dataDir, Path keycloakHome, int postgresPort, int kafkaPort, int keycloakPort,
            Map<String, Integer> servicePorts, Map<String, Integer> managementPorts, boolean persistent) {
    }

    /**
     * A further instance of a service, for tests that need two side by side: the same settings,
     * database and Kafka consumer groups as the service's first instance, its own ports, and its log
     * under the instance name ({@code evaluation-2.log}).
     */
    public record Replica(String service, int port, int managementPort) {
    }

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final Map<String, ServiceProcess> services;
    /** Every instance of each service, the first one ({@link #services}) included. */
    private final Map<String, List<ServiceProcess>> instances;
    private final Runnable closeAll;
    private volatile Duration startup;

    private Stack(PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak,
            Map<String, ServiceProcess> services, Map<String, List<ServiceProcess>> instances, Runnable closeAll) {
        this.closeAll = closeAll;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.services = services;
        this.instances = instances;
    }

    public static Stack start(Layout layout) {
        return start(layout, Map.of());
    }

    /**
     * @param serviceEnv extra settings given to every service (e.g. {@code TCM_EVALUATION_COUNTING});
     *                   a service ignores those it does not read
     */
    public static Stack start(Layout layout, Map<String, String> serviceEnv) {
        return start(layout, serviceEnv, List.of());
    }

    /** As {@link #start(Layout, Map)}, with further instances of some services (none by default). */
    public static Stack start(Layout layout, Map<String, String> serviceEnv, List<Replica> replicas) {
        replicas.forEach(r -> {
            if (!SERVICES.contains(r.service())) {
                throw new IllegalArgumentException("no service " + r.service() + "; one of " + SERVICES);
            }
        });
        Instant begin = Instant.now();
        Path realm = layout.root().resolve("deploy/keycloak/tcm-realm.json");
        // Everything is registered the moment its process exists, and one hook stops it all in
        // reverse order (services, Keycloak, broker, database) - also when Ctrl-C comes mid-start.
        Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable closeAll = () -> {
            if (closed.compareAndSet(false, true)) {
                for (AutoCloseable c; (c = started.pollFirst()) != null; ) {
                    closeQuietly(c);
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(closeAll));
        try {
            // Keycloak is the slowest to start; it boots while the database and broker come up.
            CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                    layout.keycloakHome(), layout.keycloakPort(), realm, REALM, !layout.persistent(), started::addLast));
            PostgresServer postgres = PostgresServer.start(
                    layout.persistent() ? layout.dataDir().resolve("postgres") : null, layout.postgresPort());
            started.addLast(postgres);
            postgres.createDatabases(List.copyOf(DATABASE.values()));
            KafkaBroker kafka = KafkaBroker.start(layout.dataDir().resolve("kafka"), layout.kafkaPort(),
                    started::addFirst);
            KeycloakServer kc = keycloak.join();
            Map<String, ServiceProcess> services = new LinkedHashMap<>();
            Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();
            for (String name : SERVICES) {
                ServiceProcess s = startService(name, name, layout.servicePorts().get(name),
                        layout.managementPorts().get(name), layout, postgres, kafka, kc, serviceEnv);
                started.addFirst(s);
                services.put(name, s);
                instances.put(name, new ArrayList<>(List.of(s)));
            }
            for (Replica r : replicas) {
                List<ServiceProcess> all = instances.get(r.service());
                ServiceProcess s = startService(r.service(), r.service() + "-" + (all.size() + 1), r.port(),
                        r.managementPort(), layout, postgres, kafka, kc, serviceEnv);
                started.addFirst(s);
                all.add(s);
            }
            instances.values().forEach(all -> all.forEach(s -> s.awaitReady(Duration.ofSeconds(120))));
            instances.replaceAll((name, all) -> List.copyOf(all));
            Stack stack = new Stack(postgres, kafka, kc, services, instances, closeAll);
            stack.startup = Duration.between(begin, Instant.now());
            return stack;
        } catch (RuntimeException e) {
            closeAll.run();
            throw e;
        }
    }

    private static ServiceProcess startService(String name, String instance, int port, int managementPort,
            Layout layout, PostgresServer postgres, KafkaBroker kafka, KeycloakServer kc,
            Map<String, String> serviceEnv) {
        Map<String, String> env = new LinkedHashMap<>(serviceEnv);
        env.put("TCM_PG_JDBC", postgres.jdbcUrl(DATABASE.get(name)));
        env.put("TCM_PG_REACTIVE", postgres.reactiveUrl(DATABASE.get(name)));
        env.put("TCM_PG_USER", postgres.user());
        env.put("TCM_PG_PASSWORD", postgres.password());
        env.put("TCM_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("TCM_OIDC_URL", kc.realmUrl(REALM));
        env.put(PORT_VARIABLE.get(name), String.valueOf(port));
        env.put(PORT_VARIABLE.get(name).replace("_PORT", "_MANAGEMENT_PORT"), String.valueOf(managementPort));
        Path app = layout.root().resolve("services").resolve(name).resolve("target/quarkus-app");
        return ServiceProcess.start(instance, app, port, managementPort, env, layout.dataDir().resolve("logs"));
    }

    public String url(String service) {
        return services.get(service).url();
    }

    /** The service's management interface: {@code /q/health}, {@code /q/metrics}. */
    public String managementUrl(String service) {
        return services.get(service).managementUrl();
    }

    /** One of {@link #SERVICES}, to crash and start again. */
    public ServiceProcess service(String name) {
        ServiceProcess s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name + "; one of " + SERVICES);
        }
        return s;
    }

    /** Every instance of the service: the first ({@link #service}), then any {@link Replica}s in order. */
    public List<ServiceProcess> instances(String name) {
        service(name);
        return instances.get(name);
    }

    /** Every instance of every service is started again whenever it dies ({@link ServiceProcess#supervise()}). */
    public Stack supervise() {
        instances.values().forEach(all -> all.forEach(ServiceProcess::supervise));
        return this;
    }

    /** The database server, to crash and start again. */
    public PostgresServer postgres() {
        return postgres;
    }

    /** The broker, to stop and start again. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public String keycloakRealmUrl() {
        return keycloak.realmUrl(REALM);
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public Duration startup() {
        return startup;
    }

    /** Process ids of every server, for the RSS figures in the notes. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        instances.values().forEach(all -> all.forEach(s -> pids.put(s.name(), s.pid())));
        return pids;
    }

    /** Stops services first (they leave their Kafka groups cleanly), then Keycloak, broker, database. Idempotent. */
    @Override
    public void close() {
        closeAll.run();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("could not stop " + c + ": " + e.getMessage());
        }
    }
}

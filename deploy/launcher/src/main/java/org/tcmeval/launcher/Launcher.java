package org.tcmeval.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command 1: starts the suite on fixed loopback ports with its data in {@code .local/} (kept
 * between runs), loads the demo data on first start (not with {@code --empty} or
 * {@code TCM_DEMO=false}), prints where everything is, starts again any service that crashes
 * (with backoff), and stops it all on Ctrl-C.
 */
public final class Launcher {

    static final Map<String, Integer> PORTS = Map.of("institution-registry", 8081, "indicator-catalog", 8082,
            "reporting", 8083, "evaluation", 8084);
    /** Health and metrics, for operators: not the API port, so a deployment can keep them private. */
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("institution-registry", 9081, "indicator-catalog", 9082,
            "reporting", 9083, "evaluation", 9084);

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tcm.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".local");
        System.out.println("Starting PostgreSQL, Kafka, Keycloak and the four services (data in " + data + ") ...");
        Stack stack = Stack.start(new Stack.Layout(root, data, data.resolve("keycloak"), 15432, 19092, 8180, PORTS,
                MANAGEMENT_PORTS, true))
                .supervise();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("\nStopping ...")));
        if (demoWanted(args, System.getenv("TCM_DEMO"))) {
            try {
                DemoData.loadOnce(stack, data);
            } catch (RuntimeException e) {
                // The suite stays up without demo data; the next start tries again.
                System.err.println("Demo data could not be loaded: " + e);
            }
        } else {
            System.out.println("No demo data (--empty / TCM_DEMO=false): the suite starts empty.");
        }
        System.out.println(banner(stack));
        // Ctrl-C ends the JVM; the stack's own shutdown hook stops everything in order.
        new CountDownLatch(1).await();
    }

    /** Demo data unless {@code --empty} is given or {@code TCM_DEMO} is {@code false}. */
    static boolean demoWanted(String[] args, String setting) {
        for (String a : args) {
            if (a.equals("--empty")) {
                return false;
            }
            if (!a.isBlank()) {
                throw new IllegalArgumentException("unknown option " + a + "; deploy/tcm.sh up [--build] [--empty]");
            }
        }
        return setting == null || !setting.strip().equalsIgnoreCase("false");
    }

    static String banner(Stack stack) {
        StringBuilder b = new StringBuilder("\nThe suite is up in " + stack.startup().toSeconds() + " s.\n\n");
        for (String s : Stack.SERVICES) {
            b.append(String.format("  %-21s %s   Swagger UI %s/q/swagger-ui   health %s/q/health%n", s, stack.url(s),
                    stack.url(s), stack.managementUrl(s)));
        }
        b.append(String.format("  %-21s %s%n", "keycloak (realm tcm)", stack.keycloakRealmUrl()));
        b.append(String.format("  %-21s %s%n", "kafka", stack.kafkaBootstrap()));
        b.append("\nGet a token (demo users are listed in deploy/keycloak/README.md):\n")
                .append("  TOKEN=$(curl -s -d grant_type=password -d client_id=tcm-cli -d username=yuzhou-reviewer \\\n")
                .append("      -d password=yuzhou-reviewer-pass ").append(stack.keycloakRealmUrl())
                .append("/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" '").append(stack.url("evaluation"))
                .append("/api/v1/scorecards/450902?year=2024'\n")
                .append("\nA service that crashes is started again on its own.")
                .append("\nCtrl-C stops everything; data stays in .local/ for the next run.\n");
        return b.toString();
    }
}

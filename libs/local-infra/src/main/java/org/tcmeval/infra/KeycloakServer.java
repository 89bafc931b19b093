package org.tcmeval.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real Keycloak server ({@code keycloak-quarkus-dist} from Maven Central) in dev mode on
 * 127.0.0.1 with a realm imported from JSON. Needs {@code keycloak-runtime} on the class path.
 */
public final class KeycloakServer implements AutoCloseable {

    private final Process process;
    private final String baseUrl;

    private KeycloakServer(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * @param home folder the distribution is unpacked into once and reused
     * @param realmJson realm export imported at start (an existing realm of that name is kept)
     * @param freshRealm drop Keycloak's stored data first, so the realm is imported from
     *                   {@code realmJson} as it is now (tests); false keeps users' changes (command 1)
     */
    public static KeycloakServer start(Path home, int port, Path realmJson, String realm, boolean freshRealm) {
        return start(home, port, realmJson, realm, freshRealm, kc -> { });
    }

    /**
     * As {@link #start(Path, int, Path, String, boolean)}, handing the server to {@code onLaunch} as
     * soon as its process exists, so an owner that is stopped during the slow start still stops it.
     */
    public static KeycloakServer start(Path home, int port, Path realmJson, String realm, boolean freshRealm,
            Consumer<? super KeycloakServer> onLaunch) {
        try {
            Path dist = unpack(home);
            if (freshRealm) {
                deleteTree(dist.resolve("data/h2"));
            }
            Path importDir = dist.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(realmJson, importDir.resolve(realmJson.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Path logFile = home.resolve("keycloak.log");
            Files.deleteIfExists(logFile);
            ProcessBuilder pb = new ProcessBuilder(List.of("bash", dist.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host", "127.0.0.1", "--http-port", String.valueOf(port), "--import-realm"))
                    .directory(dist.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            // Quiets an IllegalAccessError that org.jboss.threads logs at shutdown on JDK 25.
            pb.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            Process p = pb.start();
            String base = "http://127.0.0.1:" + port;
            KeycloakServer kc = new KeycloakServer(p, base);
            onLaunch.accept(kc);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            URI wellKnown = URI.create(base + "/realms/" + realm + "/.well-known/openid-configuration");
            try {
                Processes.awaitCondition("Keycloak", Duration.ofSeconds(240), p, logFile, () -> ok(http, wellKnown));
            } catch (RuntimeException e) {
                kc.close();
                throw e;
            }
            return kc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static boolean ok(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path unpack(Path home) throws IOException {
        Path zip = Path.of(resource("/org/tcmeval/infra/keycloak.path"));
        String name = zip.getFileName().toString().replace(".zip", "");
        Path dist = home.resolve(name);
        Path marker = dist.resolve(".unpacked");
        if (Files.exists(marker)) {
            return dist;
        }
        Files.createDirectories(home);
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            var entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                // The archive's top folder is keycloak-<version>; strip it so the folder name is ours.
                String rel = e.getName().contains("/") ? e.getName().substring(e.getName().indexOf('/') + 1) : "";
                if (rel.isEmpty()) {
                    continue;
                }
                Path target = dist.resolve(rel).normalize();
                if (!target.startsWith(dist)) {
                    throw new IOException("zip entry escapes the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zf.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        dist.resolve("bin/kc.sh").toFile().setExecutable(true);
        Files.writeString(marker, zip.toString());
        return dist;
    }

    private static String resource(String name) {
        try (InputStream in = KeycloakServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing: depend on org.tcmeval:keycloak-runtime");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String realmUrl(String realm) {
        return baseUrl + "/realms/" + realm;
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }
}

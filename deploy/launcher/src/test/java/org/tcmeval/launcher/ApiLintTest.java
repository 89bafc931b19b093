package org.tcmeval.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lints every API description under {@code openapi/} with Redocly CLI's recommended ruleset
 * ({@code redocly.yaml} at the project root lists them) and fails on any error or warning.
 *
 * <p>Runs in this module because it is built last: the specs the services' drift tests just
 * refreshed are the ones linted. Redocly CLI is a Node.js tool; {@code npx} fetches the pinned
 * version from the npm registry on first use (then from its cache), so nothing is installed by
 * hand. Without Node.js (or without the registry and an empty cache) the test is skipped with a
 * message, except under CI ({@code CI} set), where it fails. {@code -Dtcm.npx=/path/to/npx} picks
 * another Node.js.
 */
class ApiLintTest {

    /** Pinned; bump deliberately (a new version may bring new rules). */
    static final String REDOCLY_CLI = "@redocly/cli@2.77.0";
    static final boolean CI = System.getenv("CI") != null && !System.getenv("CI").isBlank()
            && !"false".equalsIgnoreCase(System.getenv("CI"));

    @Test
    void everyApiDescriptionPassesRedoclyRecommendedWithoutErrorsOrWarnings() throws Exception {
        Path root = Path.of(System.getProperty("tcm.root", "../..")).toAbsolutePath().normalize();
        assertThat(root.resolve("redocly.yaml")).exists();
        String npx = System.getProperty("tcm.npx",
                System.getProperty("os.name").toLowerCase().startsWith("windows") ? "npx.cmd" : "npx");
        Path out = Files.createTempFile("redocly-lint", ".json");
        Path err = Files.createTempFile("redocly-lint", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder(npx, "--yes", REDOCLY_CLI, "lint", "--format=json", "--max-problems=1000")
                        .directory(root.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                skipOrFail("Node.js (npx) is not on the PATH, so the API descriptions were NOT linted (" + e.getMessage()
                        + "); install Node.js >= 20 to run Redocly CLI");
                return;
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("redocly lint did not finish within 5 minutes");
            }
            List<JsonNode> reports = read(out);
            if (reports.isEmpty()) {
                skipOrFail("npx could not run " + REDOCLY_CLI + " (exit " + process.exitValue() + "), so the API "
                        + "descriptions were NOT linted:\n" + tail(err));
                return;
            }
            int errors = 0;
            int warnings = 0;
            List<String> problems = new ArrayList<>();
            for (JsonNode report : reports) {
                errors += report.path("totals").path("errors").asInt();
                warnings += report.path("totals").path("warnings").asInt();
                report.path("problems").forEach(p -> {
                    JsonNode at = p.path("location").path(0);
                    problems.add(String.format("%s:%d %s %s: %s", at.path("source").path("ref").asText(),
                            at.path("start").path("line").asInt(), p.path("severity").asText(),
                            p.path("ruleId").asText(), p.path("message").asText()));
                });
            }
            System.out.printf("redocly lint (%s): %d APIs, %d errors, %d warnings%n", REDOCLY_CLI, reports.size(),
                    errors, warnings);
            assertThat(problems).as("Redocly CLI (recommended, redocly.yaml) found %d errors and %d warnings; run "
                    + "`npx %s lint` at the project root", errors, warnings, REDOCLY_CLI).isEmpty();
            assertThat(errors + warnings).isZero();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code --format=json} prints one JSON document per API, one after the other. */
    private static List<JsonNode> read(Path out) throws IOException {
        List<JsonNode> reports = new ArrayList<>();
        if (Files.size(out) == 0) {
            return reports;
        }
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(out.toFile())) {
            while (it.hasNext()) {
                reports.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return reports;
    }

    private static String tail(Path err) throws IOException {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.contains("║") && !l.contains("╔") && !l.contains("╚")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static void skipOrFail(String message) {
        if (CI) {
            fail(message + " (CI is set: the lint is required there)");
        }
        System.out.println("WARNING: " + message);
        assumeTrue(false, message);
    }
}

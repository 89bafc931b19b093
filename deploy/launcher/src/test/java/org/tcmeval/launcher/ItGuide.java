package org.tcmeval.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the examples of {@code docs/it-guide.md} so that they cannot rot.
 *
 * <p>Every fenced block opened with {@code ```sh title="..."} is an example. They run in document
 * order in one {@code bash}, as a reader pastes them into one terminal, with the real {@code curl}:
 * what is tested is exactly what the guide shows, quoting and shell variables included. The only
 * changes are the plain string replacements the caller gives (base URLs of the suite under test).
 * {@code curl} is wrapped in a shell function that adds {@code -w '%{stderr}...'}, so every HTTP
 * status reaches stderr without touching what the example prints on stdout.
 *
 * <p>The comment right after each block states what must hold:
 * <pre>
 * &lt;!-- expect
 * http: 200( 200)*            the statuses of the block's curl calls, space-separated: a regex that must match them all
 * output: "state":"COMPLETED" a regex found in the block's stdout (multiline); any number of these
 * --&gt;
 * </pre>
 */
final class ItGuide {

    static final Path GUIDE = Path.of("docs", "it-guide.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "```sh title=\"([^\"]+)\"\\n(.*?)\\n```[ \\t]*\\n<!-- expect\\n(.*?)-->", Pattern.DOTALL);
    private static final Pattern ANY_TITLED_BLOCK = Pattern.compile("```sh title=\"");
    private static final String MARK = "@@example ";
    private static final String STATUS = "@@http ";

    record Example(String title, String code, String http, List<String> outputs) {
    }

    private ItGuide() {
    }

    static List<Example> parse(String markdown) {
        List<Example> examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(markdown);
        while (m.find()) {
            String http = null;
            List<String> outputs = new ArrayList<>();
            for (String line : m.group(3).split("\n")) {
                if (line.startsWith("http:")) {
                    http = line.substring("http:".length()).strip();
                } else if (line.startsWith("output:")) {
                    outputs.add(line.substring("output:".length()).strip());
                } else if (!line.isBlank()) {
                    throw new IllegalArgumentException("example '" + m.group(1) + "': unknown expectation " + line);
                }
            }
            if (http == null) {
                throw new IllegalArgumentException("example '" + m.group(1) + "' states no http: line");
            }
            examples.add(new Example(m.group(1), m.group(2), http, outputs));
        }
        long titled = ANY_TITLED_BLOCK.matcher(markdown).results().count();
        if (titled != examples.size()) {
            throw new IllegalArgumentException(titled + " sh blocks have a title but only " + examples.size()
                    + " are followed by an <!-- expect ... --> comment");
        }
        return examples;
    }

    /**
     * Runs every example of the guide and asserts what each states.
     *
     * @param root the project root
     * @param replacements text of the guide and what it becomes for this run; each must occur in it
     */
    static void run(Path root, Map<String, String> replacements) throws IOException, InterruptedException {
        String markdown = Files.readString(root.resolve(GUIDE));
        for (String text : replacements.keySet()) {
            assertThat(markdown).as("the guide still says %s", text).contains(text);
        }
        List<Example> examples = parse(markdown);
        assertThat(examples).as("examples in %s", GUIDE).hasSizeGreaterThanOrEqualTo(5);
        if (!available("curl", "--version") || !available("bash", "--version")) {
            String message = "bash and curl are needed to run the examples of " + GUIDE + "; they were NOT run";
            if (ApiLintTest.CI) {
                fail(message + " (CI is set: they are required there)");
            }
            System.out.println("WARNING: " + message);
            assumeTrue(false, message);
        }
        StringBuilder script = new StringBuilder("curl() { command curl -w '%{stderr}" + STATUS + "%{http_code}\\n' \"$@\"; }\n");
        for (int i = 0; i < examples.size(); i++) {
            String code = examples.get(i).code();
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                code = code.replace(r.getKey(), r.getValue());
            }
            script.append("echo '").append(MARK).append(i).append("'; echo '").append(MARK).append(i).append("' >&2\n")
                    .append(code).append('\n');
        }
        Path dir = Files.createTempDirectory("it-guide");
        Files.writeString(dir.resolve("guide.sh"), script);
        Process bash = new ProcessBuilder("bash", "guide.sh").directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        if (!bash.waitFor(120, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            fail("the guide's examples did not finish within 120 s; see " + dir);
        }
        String[] stdout = split(Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8), examples.size());
        String[] stderr = split(Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8), examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            List<String> statuses = stderr[i].lines().filter(l -> l.startsWith(STATUS))
                    .map(l -> l.substring(STATUS.length())).toList();
            String others = String.join("\n", stderr[i].lines().filter(l -> !l.startsWith(STATUS)).toList());
            String context = String.format("example '%s' of %s%n--- stdout:%n%s%n--- stderr:%n%s", e.title(), GUIDE,
                    stdout[i], others);
            assertThat(String.join(" ", statuses)).as("HTTP statuses of %s", context).matches(e.http());
            for (String output : e.outputs()) {
                assertThat(Pattern.compile(output, Pattern.MULTILINE).matcher(stdout[i]).find())
                        .as("output /%s/ of %s", output, context).isTrue();
            }
        }
    }

    /** The text after each example's mark, in order; what comes before the first mark is dropped. */
    private static String[] split(String text, int examples) {
        String[] parts = new String[examples];
        Arrays.fill(parts, "");
        for (int i = 0; i < examples; i++) {
            String mark = MARK + i + "\n";
            int from = text.indexOf(mark);
            if (from < 0) {
                continue;
            }
            from += mark.length();
            int to = text.indexOf(MARK + (i + 1) + "\n", from);
            parts[i] = to < 0 ? text.substring(from) : text.substring(from, to);
        }
        return parts;
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

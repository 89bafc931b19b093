package org.tcmeval.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    /** A crash is restarted at once; a service that keeps dying young waits longer each time, up to 30 s. */
    @Test
    void backoffDoublesWhileAServiceKeepsCrashingYoung() {
        assertThat(ServiceProcess.backoff(0)).isZero();
        assertThat(ServiceProcess.backoff(1)).isZero();
        assertThat(ServiceProcess.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ServiceProcess.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ServiceProcess.backoff(6)).isEqualTo(Duration.ofSeconds(16));
        assertThat(ServiceProcess.backoff(7)).isEqualTo(ServiceProcess.MAX_BACKOFF);
        assertThat(ServiceProcess.backoff(1000)).isEqualTo(ServiceProcess.MAX_BACKOFF);
    }

    /** docker-compose.yml runs the services with the same JVM options and environment as the launcher. */
    @Test
    void dockerComposeRunsServicesWithTheLaunchersJvmOptions() throws Exception {
        Path compose = Path.of("../../docker-compose.yml");
        String yaml = Files.readString(compose);
        Matcher command = Pattern.compile("(?s)\n  command: \\[(.*?)\\]").matcher(yaml);
        assertThat(command.find()).as("the services' command in %s", compose).isTrue();
        List<String> args = new ArrayList<>();
        Matcher arg = Pattern.compile("\"([^\"]*)\"").matcher(command.group(1));
        while (arg.find()) {
            args.add(arg.group(1));
        }
        List<String> expected = new ArrayList<>(ServiceProcess.javaCommand("java"));
        expected.addAll(List.of("-jar", "quarkus-run.jar"));
        assertThat(args).isEqualTo(expected);
        ServiceProcess.JVM_ENVIRONMENT.forEach((name, value) ->
                assertThat(yaml).contains("  " + name + ": \"" + value + "\"\n"));
    }
}

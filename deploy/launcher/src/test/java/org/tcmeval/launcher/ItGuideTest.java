package org.tcmeval.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The guide's examples are found with what they expect; SuiteTest runs them against the suite. */
class ItGuideTest {

    @Test
    void everyExampleOfTheGuideStatesItsHttpStatuses() throws Exception {
        Path root = Path.of(System.getProperty("tcm.root", "../..")).toAbsolutePath().normalize();
        var examples = ItGuide.parse(Files.readString(root.resolve(ItGuide.GUIDE)));

        assertThat(examples).extracting(ItGuide.Example::title).contains("get a token (client credentials)",
                "page through a county", "push a CSV", "poll the job", "download the row errors",
                "retry with the same key", "a problem answer");
        assertThat(examples).allSatisfy(e -> assertThat(e.code()).isNotBlank());
        assertThat(examples.stream().filter(e -> e.http().contains("4"))).isNotEmpty();
    }

    @Test
    void anExampleWithoutExpectationsIsRefused() {
        String markdown = "```sh title=\"unchecked\"\ncurl -s http://127.0.0.1:9081/q/health\n```\n\nprose\n";
        assertThatThrownBy(() -> ItGuide.parse(markdown)).hasMessageContaining("expect");
        assertThatThrownBy(() -> ItGuide.parse("```sh title=\"x\"\necho\n```\n<!-- expect\noutput: x\n-->"))
                .hasMessageContaining("http:");
    }
}

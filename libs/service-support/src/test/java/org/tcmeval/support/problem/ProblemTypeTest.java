package org.tcmeval.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void everyTypeHasItsOwnSlugAStatusAndAPage() {
        Set<String> slugs = Arrays.stream(ProblemType.values()).map(ProblemType::slug).collect(Collectors.toSet());
        assertThat(slugs).hasSize(ProblemType.values().length);
        for (ProblemType t : ProblemType.values()) {
            assertThat(t.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(t.status()).isBetween(400, 599);
            assertThat(t.uri().toString()).isEqualTo("/problems/" + t.slug());
            assertThat(t.meaning()).isNotBlank();
            assertThat(t.remedy()).isNotBlank();
            assertThat(ProblemType.ofSlug(t.slug())).contains(t);
        }
    }

    @Test
    void aPageEscapesAndRendersCodeSpans() {
        String page = new ProblemTypeResource().typePage("precondition-required");
        // The remedy quotes If-Match: "<ETag from the GET>", which must reach the browser as text, not markup.
        assertThat(page).contains("<code>If-Match: &quot;&lt;ETag from the GET&gt;&quot;</code>")
                .contains("HTTP status 428").doesNotContain("`");
    }

    @Test
    void anExceptionTakesStatusAndTitleFromItsType() {
        ProblemException e = ProblemException.conflict(ProblemType.REPORT_EXISTS, "already filed");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.type()).isEqualTo("report-exists");
        assertThat(e.title()).isEqualTo("Conflict");
    }
}

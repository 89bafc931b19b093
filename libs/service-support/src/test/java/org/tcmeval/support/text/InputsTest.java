package org.tcmeval.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputsTest {

    @Test
    void aQuotedValueIsBoundedWhateverItsLength() {
        String huge = "1" + "0".repeat(2_000_000);
        assertThat(Inputs.quote(huge)).hasSizeLessThan(70).startsWith("1000").endsWith("…(2000001 chars)");
        assertThat(Inputs.quote("1E+1000000")).isEqualTo("1E+1000000");
        assertThat(Inputs.quote(null)).isEqualTo("null");
    }

    @Test
    void abbreviationNeverSplitsAPairAndEscapesControls() {
        String text = "a".repeat(39) + "😀tail";
        assertThat(Inputs.abbreviate(text, 40)).startsWith("a".repeat(39) + "😀").contains("…(");
        assertThat(Inputs.abbreviate("a\u0000b\ud800", 40)).isEqualTo("a\\u0000b\\ud800");
    }

    @Test
    void nulAndLoneSurrogatesBreakTheTextRule() {
        assertThat(Inputs.textRule("玉州区😀")).isNull();
        assertThat(Inputs.textRule("a\u0000")).isEqualTo(Inputs.NUL);
        assertThat(Inputs.textRule("a\ud800b")).isEqualTo(Inputs.LONE_SURROGATE);
        assertThat(Inputs.textRule("\udc00")).isEqualTo(Inputs.LONE_SURROGATE);
        assertThat(Inputs.textRule("a\ud83d")).isEqualTo(Inputs.LONE_SURROGATE);
        assertThat(Inputs.textRule(null)).isNull();
    }
}

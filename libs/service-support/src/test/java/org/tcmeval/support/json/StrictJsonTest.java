package org.tcmeval.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    enum Kind { THC, CHSC }

    record Body(String name, Integer count, int year, Boolean flag, Kind kind, List<String> tags,
            Map<String, BigDecimal> figures, Double ratio) {
    }

    static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper());

    static Body read(String json) throws JsonProcessingException {
        return JSON.readValue(json, Body.class);
    }

    @Test
    void wellFormedValuesAreReadAsWritten() throws Exception {
        Body b = read("{\"name\":\"玉州区😀\",\"count\":3,\"year\":2024,\"flag\":true,\"kind\":\"THC\",\"tags\":[\"a\"],"
                + "\"figures\":{\"physicians\":8,\"share\":0.25},\"ratio\":1e3}");
        assertThat(b.name()).isEqualTo("玉州区😀");
        assertThat(b.figures()).containsEntry("share", new BigDecimal("0.25"));
        assertThat(b.ratio()).isEqualTo(1000d);
    }

    @Test
    void scalarsAreNeverCoerced() {
        assertThatThrownBy(() -> read("{\"name\":true}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"name\":12}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"name\":1.5}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"count\":\"12\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"count\":\"\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"count\":12.5}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"flag\":\"true\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"flag\":1}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"kind\":1}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"tags\":[true]}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"figures\":{\"physicians\":\"8\"}}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"year\":null}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aNullElementOfAnArrayIsAnErrorButANullMapValueIsNot() throws Exception {
        assertThatThrownBy(() -> read("{\"tags\":[null]}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"tags\":[\"a\",null]}")).isInstanceOf(JsonProcessingException.class);
        assertThat(read("{\"year\":2024,\"figures\":{\"physicians\":null}}").figures()).containsEntry("physicians", null);
        assertThat(read("{\"year\":2024,\"tags\":null}").tags()).isNull();
    }

    @Test
    void aDuplicateKeyOrTrailingTokensAreErrors() {
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"name\":\"b\"}")).hasMessageContaining("Duplicate field 'name'");
        assertThatThrownBy(() -> read("{\"figures\":{\"a\":1,\"a\":2}}")).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> read("{\"name\":\"a\"} {}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void textWithNulOrALoneSurrogateIsRejectedWithItsPath() {
        assertThatThrownBy(() -> read("{\"name\":\"a\\u0000b\"}")).isInstanceOfSatisfying(RejectedInput.class, e -> {
            assertThat(e.rule()).isEqualTo("no-nul-character");
            assertThat(e.getPath().get(0).getFieldName()).isEqualTo("name");
        });
        assertThatThrownBy(() -> read("{\"tags\":[\"ok\",\"\\ud800\"]}")).isInstanceOfSatisfying(RejectedInput.class,
                e -> assertThat(e.rule()).isEqualTo("no-lone-surrogate"));
    }

    @Test
    void numbersAreBoundedBeforeAnythingRendersThem() {
        assertThatThrownBy(() -> read("{\"figures\":{\"physicians\":1E+1000000}}"))
                .isInstanceOfSatisfying(RejectedInput.class, e -> {
                    assertThat(e.rule()).isEqualTo("magnitude");
                    assertThat(e.getMessage()).hasSizeLessThan(400);
                });
        assertThatThrownBy(() -> read("{\"figures\":{\"x\":1e-100}}")).isInstanceOf(RejectedInput.class);
        assertThatThrownBy(() -> read("{\"ratio\":1e400}")).isInstanceOf(RejectedInput.class);
        assertThatThrownBy(() -> read("{\"figures\":{\"x\":1" + "0".repeat(200) + "}}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Number value length");
        assertThatThrownBy(() -> read("{\"count\":9223372036854775808}")).isInstanceOf(JsonProcessingException.class);
    }
}

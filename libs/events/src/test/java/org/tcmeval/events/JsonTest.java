package org.tcmeval.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(LocalDate day, OffsetDateTime at, BigDecimal amount, String optional) {
    }

    @Test
    void datesAreIsoTextWithTheirOffsetAndDecimalsArePlainAndExact() {
        var sample = new Sample(LocalDate.of(2025, 1, 31), OffsetDateTime.parse("2025-01-31T08:00:00+08:00"),
                new BigDecimal("1E+3"), null);
        String json = Json.write(sample);
        // 1E+3 is written as the digits 1000; the absent optional member is left out.
        assertThat(json).isEqualTo("{\"day\":\"2025-01-31\",\"at\":\"2025-01-31T08:00:00+08:00\",\"amount\":1000}");
        Sample back = Json.read(json, Sample.class);
        assertThat(back.at().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        // A decimal read into a tree keeps every digit (a double would round 0.1 + 17 digits).
        assertThat(Json.tree("{\"v\":12345678901234567.891}").get("v").decimalValue())
                .isEqualByComparingTo("12345678901234567.891");
    }

    @Test
    void aReaderToleratesAPropertyItDoesNotKnow() {
        assertThat(Json.read("{\"day\":\"2025-01-31\",\"added\":1}", Sample.class).day()).isEqualTo("2025-01-31");
    }

    @Test
    void aNullFigureStaysInTheStoredFigures() {
        Map<String, BigDecimal> figures = new HashMap<>();
        figures.put("physicians", new BigDecimal("8"));
        figures.put("tcmPhysicians", null);
        String json = FiguresJson.write(figures);
        assertThat(json).isEqualTo("{\"physicians\":8,\"tcmPhysicians\":null}");
        assertThat(FiguresJson.read(json)).containsEntry("tcmPhysicians", null).containsEntry("physicians",
                new BigDecimal("8"));
    }
}

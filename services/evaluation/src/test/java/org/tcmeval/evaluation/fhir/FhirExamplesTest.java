package org.tcmeval.evaluation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Measure;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.rest.ScorecardView;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;

/**
 * The OpenAPI examples ({@link FhirExamples}) are what the export writes for the README's walking
 * skeleton (玉州区 2024, 3 of 16 TCM physicians, one centre with 2 of 8), and valid FHIR R4. On a
 * mismatch the current output is written to target/fhir-examples/ to paste.
 */
class FhirExamplesTest {

    static final IndicatorDefinition RATIO = Indicators.TCM_PHYSICIAN_RATIO;
    static final String SELF = "http://127.0.0.1:8084/api/v1/fhir/MeasureReport?";
    static final Date AT = Date.from(OffsetDateTime.parse("2024-04-02T09:31:05+08:00").toInstant());

    static Measure measure() {
        return Measures.measure(RATIO, new Measures.TargetView(Comparator.AT_LEAST, new BigDecimal("25"), null,
                "guangxi-2022", 2025, null), 2024);
    }

    static Bundle summary() {
        var e = new ScorecardView.Entry(RATIO.code(), RATIO.nameZh(), RATIO.nameEn(), RATIO.unit(), new BigDecimal("18.75"),
                BigDecimal.valueOf(3), BigDecimal.valueOf(16), Comparator.AT_LEAST, new BigDecimal("25"), null,
                ResultStatus.NOT_MET, "guangxi-2022", new BigDecimal("100"), 2, 2, null, null, null, null, null, 2,
                OffsetDateTime.parse("2024-04-02T09:30:00+08:00"));
        return MeasureReports.collection(List.of(MeasureReports.summary("450902", "玉州区", 2024, RATIO, e, null, 0)),
                SELF + "division=450902&year=2024").setTimestamp(AT);
    }

    static Bundle individual() {
        UUID id = UUID.fromString("0b6a3e4c-8f0e-4c1e-9a53-2f1d7c1e5a10");
        return MeasureReports.collection(List.of(MeasureReports.individual(new MeasureReports.Contribution(id,
                "玉州区名山街道卫生院", 2024, RATIO, BigDecimal.valueOf(2), BigDecimal.valueOf(8), 1, 0, Comparator.AT_LEAST,
                new BigDecimal("25"), null, "guangxi-2022"))), SELF + "institution=" + id + "&year=2024").setTimestamp(AT);
    }

    static String pretty(IBaseResource r) {
        return Fhir.context().newJsonParser().setPrettyPrint(true).encodeResourceToString(r);
    }

    @Test
    void theExamplesAreWhatTheExportWritesAndValidR4() throws IOException {
        Measure m = measure();
        FhirValidation.know(m);
        boolean same = check("measure", FhirExamples.MEASURE, pretty(m)) & check("summary", FhirExamples.SUMMARY,
                pretty(summary())) & check("individual", FhirExamples.INDIVIDUAL, pretty(individual()));
        assertThat(same).as("FhirExamples is what the export writes (the current output is in target/fhir-examples/)")
                .isTrue();
        FhirValidation.assertValid("example Measure", FhirExamples.MEASURE);
        FhirValidation.assertValid("example summary", FhirExamples.SUMMARY);
        FhirValidation.assertValid("example individual", FhirExamples.INDIVIDUAL);
    }

    static boolean check(String name, String example, String actual) throws IOException {
        if (example.strip().equals(actual.strip())) {
            return true;
        }
        Path out = Path.of("target", "fhir-examples", name + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual);
        System.out.printf("FhirExamples.%s differs from the export's output, written to %s%n", name.toUpperCase(), out);
        return false;
    }
}

package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tcmeval.evaluation.EngineFlowTest.awaitCell;
import static org.tcmeval.evaluation.EngineFlowTest.figures;
import static org.tcmeval.evaluation.EvaluationFlowTest.institution;
import static org.tcmeval.evaluation.EvaluationFlowTest.institutionReport;
import static org.tcmeval.evaluation.EvaluationFlowTest.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.fhir.Fhir;
import org.tcmeval.evaluation.fhir.FhirValidation;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/**
 * Issue 9, FHIR R4 export: reports fed in, then the Measure, the county's summary MeasureReports
 * and an institution's individual MeasureReports read back, checked against figures worked out by
 * hand, and each answer validated with HAPI's validator. Year 2007 and 平南县 (450821) are this
 * test's own.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class FhirExportFlowTest {

    static final String GUANGXI_READER = TestTokens.token("45", "dashboard-reader");
    static final String YULIN_READER = TestTokens.token("4509", "dashboard-reader");
    static final int YEAR = 2007;
    static final String COUNTY = "450821";
    static final String RATIO = "TCM_PHYSICIAN_RATIO";
    static final String TECHNIQUE = "CHSC_THC_TECHNIQUE_CAPACITY";

    static String a;
    static String b;
    static String c;
    static boolean ready;

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    /** Once per class, from a test: RestAssured only knows the application's port inside a test. */
    static synchronized void reports() {
        if (ready) {
            return;
        }
        a = institution(COUNTY + "100", 0, UUID.randomUUID().toString(), YEAR);
        b = institution(COUNTY + "101", 0, UUID.randomUUID().toString(), YEAR);
        c = institution(COUNTY + "102", 0, UUID.randomUUID().toString(), YEAR);
        approve(a, figures("physicians", 8, "tcmPhysicians", 2, "techniqueClasses", 6, "techniqueItems", 10));
        approve(b, figures("physicians", 8, "tcmPhysicians", 1, "techniqueClasses", 5, "techniqueItems", 12));
        approve(c, figures("physicians", 4));   // no TCM physicians or techniques reported: undecided
        // TCM physicians: (2 + 1) / (8 + 8) = 3 / 16 = 18.75% < Guangxi's 25%: NOT_MET (c is undecided;
        // 2 of 3 centres decided = 66.7% >= the 50% minimum completeness, so it is judged).
        awaitCell(COUNTY, YEAR, RATIO, "18.75", "NOT_MET");
        // Techniques: a meets 6 classes and 10 items, b has 5 classes: 1 of 2 = 50% < 100%: NOT_MET.
        awaitCell(COUNTY, YEAR, TECHNIQUE, "50", "NOT_MET");
        ready = true;
    }

    static void approve(String institutionId, Map<String, BigDecimal> f) {
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", institutionId, YEAR, f));
    }

    static String fhir(String token, String path, Object... query) {
        var req = given().auth().oauth2(token);
        for (int i = 0; i < query.length; i += 2) {
            req = req.queryParam((String) query[i], query[i + 1]);
        }
        return req.get("/api/v1/fhir/" + path).then().statusCode(200).contentType(Fhir.MEDIA_TYPE).extract().asString();
    }

    static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(Class<T> type, String json) {
        return Fhir.context().newJsonParser().parseResource(type, json);
    }

    static MeasureReport report(Bundle bundle, String indicator) {
        return bundle.getEntry().stream().map(e -> (MeasureReport) e.getResource())
                .filter(r -> r.getGroupFirstRep().getCode().getCodingFirstRep().getCode().equals(indicator))
                .findFirst().orElseThrow(() -> new AssertionError("no MeasureReport of " + indicator));
    }

    static int count(MeasureReportGroupComponent g, String population) {
        return g.getPopulation().stream().filter(p -> p.getCode().getCodingFirstRep().getCode().equals(population))
                .findFirst().orElseThrow().getCount();
    }

    static String ext(MeasureReportGroupComponent g, String url) {
        Extension e = g.getExtensionByUrl(url);
        return e == null ? null : e.getValue().primitiveValue();
    }

    /** Makes every Measure the bundle points at known to the validator, as the service serves it. */
    static void knowMeasures(Bundle bundle) {
        Set<String> canonicals = new LinkedHashSet<>();
        bundle.getEntry().forEach(e -> canonicals.add(((MeasureReport) e.getResource()).getMeasure()));
        for (String canonical : canonicals) {
            String id = canonical.substring(canonical.lastIndexOf('/') + 1).split("\\|")[0];
            String json = canonical.contains("|") ? fhir(GUANGXI_READER, "Measure/" + id, "year", YEAR, "profile",
                    canonical.substring(canonical.indexOf('|') + 1)) : fhir(GUANGXI_READER, "Measure/" + id);
            Measure m = parse(Measure.class, json);
            assertThat(m.getUrl() + (m.hasVersion() ? "|" + m.getVersion() : "")).isEqualTo(canonical);
            FhirValidation.know(m);
        }
    }

    @Test
    void theIndicatorAsAMeasureWithTheTargetInForce() {
        reports();
        String json = fhir(GUANGXI_READER, "Measure/" + RATIO, "year", YEAR, "division", COUNTY);
        FhirValidation.assertValid("Measure " + RATIO, json);
        Measure m = parse(Measure.class, json);
        assertThat(m.getIdElement().getIdPart()).isEqualTo("TCM-PHYSICIAN-RATIO");
        assertThat(m.getUrl()).isEqualTo("https://tcmeval.org/fhir/Measure/TCM-PHYSICIAN-RATIO");
        assertThat(m.getIdentifierFirstRep().getValue()).isEqualTo(RATIO);
        assertThat(m.getVersion()).isEqualTo("guangxi-2022");
        assertThat(m.getTitle()).isEqualTo("社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例");
        assertThat(m.getTitleElement().getExtensionByUrl(Fhir.TRANSLATION).getExtensionString("content"))
                .startsWith("TCM-category physicians");
        assertThat(m.getStatus().toCode()).isEqualTo("active");
        assertThat(m.getScoring().getCodingFirstRep().getCode()).isEqualTo("proportion");
        assertThat(m.getImprovementNotation().getCodingFirstRep().getCode()).isEqualTo("increase");
        assertThat(m.getGroupFirstRep().getPopulation()).extracting(p -> p.getCode().getCodingFirstRep().getCode())
                .containsExactly("denominator", "numerator");
        assertThat(m.getGroupFirstRep().getPopulation().get(1).getCriteria().getExpression()).isEqualTo("tcmPhysicians");
        // Guangxi's target: >= 25%, as a Range with only a low bound.
        Extension target = m.getGroupFirstRep().getExtensionByUrl(Fhir.TARGET_EXTENSION);
        assertThat(target.getExtensionString("comparator")).isEqualTo("AT_LEAST");
        Range range = (Range) target.getExtensionByUrl("detail").getValue();
        assertThat(range.getLow().getValue()).isEqualByComparingTo("25");
        assertThat(range.getLow().getCode()).isEqualTo("%");
        assertThat(range.hasHigh()).isFalse();
        assertThat(m.getGroupFirstRep().getDescription()).contains("≥ 25%").contains(">= 25%");

        // The FHIR id works as the path too; without year, the computation alone; application/json on request.
        Measure plain = parse(Measure.class, fhir(GUANGXI_READER, "Measure/TCM-PHYSICIAN-RATIO"));
        assertThat(plain.hasVersion()).isFalse();
        assertThat(plain.hasImprovementNotation()).isFalse();
        given().auth().oauth2(GUANGXI_READER).accept("application/json").get("/api/v1/fhir/Measure/" + RATIO).then()
                .statusCode(200).contentType("application/json").body("resourceType", equalTo("Measure"));
        // Guangxi's plan, asked for by profile, states the same target.
        Measure byProfile = parse(Measure.class, fhir(GUANGXI_READER, "Measure/" + RATIO, "year", YEAR, "profile",
                "guangxi-2022"));
        assertThat(byProfile.getVersion()).isEqualTo("guangxi-2022");
    }

    @Test
    void theCountysSummaryReportsFromTheStoredResults() {
        reports();
        String json = fhir(GUANGXI_READER, "MeasureReport", "division", COUNTY, "year", YEAR);
        Bundle bundle = parse(Bundle.class, json);
        knowMeasures(bundle);
        FhirValidation.assertValid("summary MeasureReports of " + COUNTY, json);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getLink("self").getUrl()).contains("/api/v1/fhir/MeasureReport?").contains("division=" + COUNTY);
        // Every indicator of the scorecard, with or without a value.
        int indicators = org.tcmeval.targets.Indicators.ALL.size();
        assertThat(bundle.getEntry()).hasSize(indicators);
        assertThat(bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).distinct()).hasSize(indicators);

        MeasureReport ratio = report(bundle, RATIO);
        assertThat(ratio.getType().toCode()).isEqualTo("summary");
        assertThat(ratio.getStatus().toCode()).isEqualTo("complete");
        assertThat(ratio.getMeasure()).isEqualTo("https://tcmeval.org/fhir/Measure/TCM-PHYSICIAN-RATIO|guangxi-2022");
        assertThat(ratio.getSubject().getIdentifier().getSystem()).isEqualTo(Fhir.DIVISION_SYSTEM);
        assertThat(ratio.getSubject().getIdentifier().getValue()).isEqualTo(COUNTY);
        assertThat(ratio.getPeriod().getStartElement().getValueAsString()).isEqualTo(YEAR + "-01-01");
        assertThat(ratio.getPeriod().getEndElement().getValueAsString()).isEqualTo(YEAR + "-12-31");
        assertThat(ratio.getIdentifierFirstRep().getValue()).isEqualTo(COUNTY + "/" + YEAR + "/" + RATIO);
        assertThat(ratio.getImprovementNotation().getCodingFirstRep().getCode()).isEqualTo("increase");
        MeasureReportGroupComponent g = ratio.getGroupFirstRep();
        // (2 + 1) / (8 + 8) = 3 / 16 = 0.1875 (18.75%), a proportion's score as the fraction FHIR prescribes.
        assertThat(count(g, "numerator")).isEqualTo(3);
        assertThat(count(g, "denominator")).isEqualTo(16);
        assertThat(g.getMeasureScore().getValue()).isEqualByComparingTo("0.1875");
        assertThat(g.getMeasureScore().hasUnit()).isFalse();
        assertThat(ext(g, Fhir.STATUS_EXTENSION)).isEqualTo("NOT_MET");
        Extension completeness = g.getExtensionByUrl(Fhir.COMPLETENESS_EXTENSION);
        assertThat(completeness.getExtensionByUrl("unitsDecided").getValue().primitiveValue()).isEqualTo("2");
        assertThat(completeness.getExtensionByUrl("unitsExpected").getValue().primitiveValue()).isEqualTo("3");
        Range target = (Range) g.getExtensionByUrl(Fhir.TARGET_EXTENSION).getExtensionByUrl("detail").getValue();
        assertThat(target.getLow().getValue()).isEqualByComparingTo("25");

        // Techniques: 1 of 2 = 0.5.
        MeasureReportGroupComponent t = report(bundle, TECHNIQUE).getGroupFirstRep();
        assertThat(count(t, "numerator")).isEqualTo(1);
        assertThat(count(t, "denominator")).isEqualTo(2);
        assertThat(t.getMeasureScore().getValue()).isEqualByComparingTo("0.5");

        // A county-reported density nobody reported: listed, no value, the reason said, nothing claimed.
        MeasureReportGroupComponent none = report(bundle, "TCM_GP_DENSITY").getGroupFirstRep();
        Quantity score = none.getMeasureScore();
        assertThat(score.hasValue()).isFalse();
        assertThat(((CodeType) score.getExtensionByUrl(Fhir.DATA_ABSENT_REASON).getValue()).getValue())
                .isIn("temp-unknown", "unknown");
        assertThat(ext(none, Fhir.STATUS_EXTENSION)).isIn("NOT_COMPUTED", "NO_DATA");
        assertThat(none.getPopulation()).allMatch(p -> !p.hasCount());

        // The same figures judged against the national profile, computed on reading, as the scorecard does.
        Bundle national = parse(Bundle.class, fhir(GUANGXI_READER, "MeasureReport", "division", COUNTY, "year", YEAR,
                "profile", "national"));
        MeasureReport nationalRatio = report(national, RATIO);
        assertThat(nationalRatio.getGroupFirstRep().getMeasureScore().getValue()).isEqualByComparingTo("0.1875");
        assertThat(nationalRatio.getIdentifierFirstRep().getValue()).endsWith("/national");
    }

    @Test
    void anInstitutionsIndividualReportsFromItsStoredContributions() {
        reports();
        String json = fhir(GUANGXI_READER, "MeasureReport", "institution", a, "year", YEAR);
        Bundle bundle = parse(Bundle.class, json);
        knowMeasures(bundle);
        FhirValidation.assertValid("individual MeasureReports of " + a, json);
        MeasureReport ratio = report(bundle, RATIO);
        assertThat(ratio.getType().toCode()).isEqualTo("individual");
        assertThat(ratio.getReporter().getIdentifier().getValue()).isEqualTo(a);
        assertThat(ratio.getReporter().getDisplay()).startsWith("卫生院");
        assertThat(ratio.getMeasure()).endsWith("|guangxi-2022");   // counted under the county's target
        MeasureReportGroupComponent g = ratio.getGroupFirstRep();
        // a: 2 TCM physicians of 8 = 0.25.
        assertThat(count(g, "numerator")).isEqualTo(2);
        assertThat(count(g, "denominator")).isEqualTo(8);
        assertThat(g.getMeasureScore().getValue()).isEqualByComparingTo("0.25");
        assertThat(ext(g, Fhir.UNIT_STATE_EXTENSION)).isEqualTo("COUNTED");
        // a meets 6 classes and 10 items: 1 of 1.
        MeasureReportGroupComponent t = report(bundle, TECHNIQUE).getGroupFirstRep();
        assertThat(count(t, "numerator")).isEqualTo(1);
        assertThat(count(t, "denominator")).isEqualTo(1);
        assertThat(t.getMeasureScore().getValue()).isEqualByComparingTo("1");

        // c reported no TCM physicians: undecided, no score, the reason said.
        String cJson = fhir(GUANGXI_READER, "MeasureReport", "institution", c, "year", YEAR);
        Bundle cBundle = parse(Bundle.class, cJson);
        knowMeasures(cBundle);
        FhirValidation.assertValid("individual MeasureReports of " + c, cJson);
        MeasureReportGroupComponent u = report(cBundle, RATIO).getGroupFirstRep();
        assertThat(ext(u, Fhir.UNIT_STATE_EXTENSION)).isEqualTo("UNDECIDED");
        assertThat(u.getMeasureScore().hasValue()).isFalse();
        assertThat(((CodeType) u.getMeasureScore().getExtensionByUrl(Fhir.DATA_ABSENT_REASON).getValue()).getValue())
                .isEqualTo("unknown");
    }

    @Test
    void outsideTheJurisdictionAsMissingAndBadParametersNamed() {
        reports();
        for (Response r : List.of(
                given().auth().oauth2(YULIN_READER).queryParam("division", COUNTY).queryParam("year", YEAR)
                        .get("/api/v1/fhir/MeasureReport"),
                given().auth().oauth2(YULIN_READER).queryParam("institution", a).queryParam("year", YEAR)
                        .get("/api/v1/fhir/MeasureReport"),
                given().auth().oauth2(YULIN_READER).queryParam("institution", UUID.randomUUID()).queryParam("year", YEAR)
                        .get("/api/v1/fhir/MeasureReport"),
                given().auth().oauth2(YULIN_READER).queryParam("division", COUNTY).queryParam("year", YEAR)
                        .get("/api/v1/fhir/Measure/" + RATIO),
                given().auth().oauth2(GUANGXI_READER).get("/api/v1/fhir/Measure/NO_SUCH_INDICATOR"))) {
            r.then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
        // An unknown institution and one outside the jurisdiction say the same.
        assertThat(given().auth().oauth2(YULIN_READER).queryParam("institution", a).queryParam("year", YEAR)
                .get("/api/v1/fhir/MeasureReport").jsonPath().getString("title")).isEqualTo("Not found");

        badRequest(GUANGXI_READER, "MeasureReport", "division", Map.of("division", "45x", "year", YEAR));
        badRequest(GUANGXI_READER, "MeasureReport", "division", Map.of("year", YEAR));
        badRequest(GUANGXI_READER, "MeasureReport", "division", Map.of("division", COUNTY, "institution", a,
                "year", YEAR));
        badRequest(GUANGXI_READER, "MeasureReport", "institution", Map.of("institution", "not-a-uuid", "year", YEAR));
        badRequest(GUANGXI_READER, "MeasureReport", "year", Map.of("division", COUNTY));
        badRequest(GUANGXI_READER, "MeasureReport", "profile", Map.of("institution", a, "year", YEAR, "profile",
                "guangxi-2022"));
        badRequest(GUANGXI_READER, "Measure/" + RATIO, "year", Map.of("division", COUNTY));
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).queryParam("profile", "no-such-profile")
                .get("/api/v1/fhir/Measure/" + RATIO).then().statusCode(422)
                .body("errors[0].rule", equalTo("known-profile"));
        // Same roles as the scorecard: an institution reporter may not read results.
        given().auth().oauth2(TestTokens.token(COUNTY, "institution-reporter")).queryParam("division", COUNTY)
                .queryParam("year", YEAR).get("/api/v1/fhir/MeasureReport").then().statusCode(403)
                .contentType("application/problem+json");
    }

    static void badRequest(String token, String path, String field, Map<String, Object> query) {
        var req = given().auth().oauth2(token);
        for (var e : query.entrySet()) {
            req = req.queryParam(e.getKey(), e.getValue());
        }
        req.get("/api/v1/fhir/" + path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}

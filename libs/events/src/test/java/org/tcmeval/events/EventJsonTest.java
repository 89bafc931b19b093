package org.tcmeval.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void reportSubmittedSurvivesTheWireWithItsCloudEventsAttributes() {
        OffsetDateTime at = OffsetDateTime.of(2025, 1, 15, 9, 30, 0, 0, ZoneOffset.ofHours(8));
        ReportSubmitted data = new ReportSubmitted("r-1", 2, 3, "INSTITUTION", "i-1", "i-1", "THC", "450902001", 2024,
                "2024", "APPROVED", Map.of("physicians", new BigDecimal("8"), "tcmPhysicians", new BigDecimal("2")),
                java.util.List.of("ZC-HAOZHEN"), at, at);
        EventEnvelope<ReportSubmitted> sent = EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED, "i-1",
                ReportSubmitted.VERSION, data);

        String json = EventJson.write(sent);
        EventEnvelope<ReportSubmitted> received = EventJson.read(json, ReportSubmitted.class);

        assertThat(json).contains("\"specversion\":\"1.0\"").contains("\"type\":\"org.tcmeval.report.submitted\"")
                .containsPattern("\"time\":\"\\d{4}-\\d{2}-\\d{2}T");
        assertThat(received.id()).isEqualTo(sent.id());
        assertThat(received.data().figures().get("tcmPhysicians")).isEqualByComparingTo("2");
        assertThat(received.data().submittedAt()).isEqualTo(data.submittedAt());
        assertThat(received.data().status()).isEqualTo("APPROVED");
        assertThat(received.data().techniqueItems()).containsExactly("ZC-HAOZHEN");
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String json = """
                {"specversion":"1.0","id":"e1","source":"/registry","type":"org.tcmeval.institution.changed",
                 "dataversion":1,"futureAttribute":"x",
                 "data":{"institutionId":"i-9","revision":3,"name":"兴业县城隍镇卫生院","type":"THC",
                         "divisionCode":"450924100","countyCode":"450924","newField":42}}
                """;
        EventEnvelope<InstitutionChanged> e = EventJson.read(json, InstitutionChanged.class);
        assertThat(e.data().revision()).isEqualTo(3);
        assertThat(e.data().name()).isEqualTo("兴业县城隍镇卫生院");
    }

    @Test
    void institutionChangedCarriesGradeAndOwnershipAndOlderEventsStillRead() {
        InstitutionChanged full = new InstitutionChanged("i-1", 4, "容县中医医院", org.tcmeval.targets.InstitutionType.COUNTY_TCM_HOSPITAL,
                "450921", "450921", null, null, "12450921MB0000001X", null, "PUBLIC",
                org.tcmeval.targets.HospitalGrade.GRADE_2A, "ZHUANG");
        var back = EventJson.read(EventJson.write(EventEnvelope.of("/institution-registry", EventTypes.INSTITUTION_CHANGED,
                "i-1", InstitutionChanged.VERSION, full)), InstitutionChanged.class).data();
        assertThat(back).isEqualTo(full);
        // An event written before these fields existed reads with them empty.
        String old = """
                {"specversion":"1.0","id":"e2","type":"org.tcmeval.institution.changed","dataversion":1,
                 "data":{"institutionId":"i-2","revision":0,"name":"玉州区仁东镇卫生院","type":"THC",
                         "divisionCode":"450902100","countyCode":"450902"}}
                """;
        assertThat(EventJson.read(old, InstitutionChanged.class).data().grade()).isNull();
    }

    @Test
    void techniqueClassChangedCarriesScopeAndProvenanceAndOlderEventsReadAsNational() {
        TechniqueClassChanged gx = new TechniqueClassChanged("ACUPUNCTURE", 2, "针刺类", null, 1,
                java.util.List.of(new TechniqueClassChanged.Item("GX_ZC_01", "毫针刺法", null, false, false,
                        "广西基层中医药适宜技术推广目录")), "user-45",
                OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8)), "45");
        var back = EventJson.read(EventJson.write(EventEnvelope.of("/indicator-catalog",
                EventTypes.TECHNIQUE_CLASS_CHANGED, "ACUPUNCTURE", TechniqueClassChanged.VERSION, gx)),
                TechniqueClassChanged.class).data();
        assertThat(back).isEqualTo(gx);
        assertThat(TechniqueClassChanged.key("45", "ACUPUNCTURE")).isEqualTo("45:ACUPUNCTURE");
        assertThat(TechniqueClassChanged.key("00", "ACUPUNCTURE")).isEqualTo("ACUPUNCTURE");
        // As the V3 seed published it, before scopes and provenance existed.
        String old = """
                {"specversion":"1.0","id":"e3","type":"org.tcmeval.catalog.technique.changed","dataversion":1,
                 "data":{"classCode":"ACUPUNCTURE","revision":1,"nameZh":"针刺类","nameEn":"Acupuncture","sortOrder":1,
                         "items":[{"code":"ACUPUNCTURE_FU","nameZh":"浮针","nameEn":"Fu subcutaneous needling",
                                   "retired":false}],
                         "changedBy":"flyway:V3","changedAt":"2026-01-01T00:00:00Z"}}
                """;
        TechniqueClassChanged v1 = EventJson.read(old, TechniqueClassChanged.class).data();
        assertThat(v1.scope()).isEqualTo("00");
        assertThat(v1.items().get(0).provisional()).isNull();
        assertThat(v1.items().get(0).source()).isNull();
    }

    @Test
    void divisionChangedKeepsEveryYearOfPopulationInYearOrder() {
        var population = new java.util.HashMap<Integer, Long>(Map.of(2024, 1_263_000L, 2023, 1_271_000L));
        DivisionChanged sent = new DivisionChanged("450902", 3, "玉州区", "COUNTY", "4509", "市辖区",
                new java.util.TreeMap<>(population));
        String json = EventJson.write(EventEnvelope.of("/institution-registry", EventTypes.DIVISION_CHANGED, "450902",
                DivisionChanged.VERSION, sent));
        DivisionChanged back = EventJson.read(json, DivisionChanged.class).data();

        assertThat(json).contains("\"population\":{\"2023\":1271000,\"2024\":1263000}");
        assertThat(back).isEqualTo(sent);
        assertThat(back.residents(2023)).isEqualTo(1_271_000L);
        assertThat(back.residents(2022)).isNull();
        // Without a population (a division registered without one) the map is empty, not null.
        String bare = """
                {"specversion":"1.0","id":"e3","type":"org.tcmeval.division.changed","dataversion":1,
                 "data":{"code":"45","revision":0,"name":"广西壮族自治区","level":"PROVINCE"}}
                """;
        assertThat(EventJson.read(bare, DivisionChanged.class).data().population()).isEmpty();
    }

    @Test
    void aFieldWithoutAValueIsLeftOutAndReadsBackAsNull() {
        InstitutionChanged bare = new InstitutionChanged("i-3", 0, "玉州区仁东镇卫生院", org.tcmeval.targets.InstitutionType.THC,
                "450902100", "450902", null, null);
        String json = EventJson.write(EventEnvelope.of("/institution-registry", EventTypes.INSTITUTION_CHANGED, "i-3",
                InstitutionChanged.VERSION, bare));

        assertThat(json).doesNotContain("null").doesNotContain("closedOn");
        assertThat(EventJson.read(json, InstitutionChanged.class).data()).isEqualTo(bare);
        // Derived accessors are not part of the event.
        ReportSubmitted county = new ReportSubmitted("r-2", 1, 1, "COUNTY", "450902", null, null, "450902", 2024, "2024",
                "SUBMITTED", Map.of("residentPopulation", new BigDecimal("620000")), null, null, null);
        assertThat(EventJson.write(EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED, "r-2",
                ReportSubmitted.VERSION, county))).doesNotContain("institutionReport").doesNotContain("institutionId");
    }
}

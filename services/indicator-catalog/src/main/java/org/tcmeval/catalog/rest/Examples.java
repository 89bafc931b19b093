package org.tcmeval.catalog.rest;

/** Request and response examples for the OpenAPI document, with the data of the source documents. */
final class Examples {

    static final String PROFILE_REQUEST = """
            {"id": "rongxian-2025", "divisionCode": "450921", "parentId": "yulin-2022", "effectiveFrom": 2025,
             "targets": [{"indicatorCode": "TCM_CORNER", "comparator": "AT_LEAST", "threshold": 20,
                          "source": {"document": "容县基层中医药服务能力提升实施方案", "location": "附表 第9项"}}]}""";

    static final String PROFILE = """
            {"id": "inner-mongolia", "divisionCode": "15", "revision": 1, "currentRevision": 1, "effectiveFrom": 2021,
             "parentId": "national", "changedBy": "seed:libs/targets", "changedAt": "2026-01-05T09:30:00+08:00",
             "targets": [{"indicatorCode": "TCM_GP_DENSITY", "indicatorNameZh": "每万常住居民合格的中医类别全科医生数",
                          "unit": "PER_10K_RESIDENTS", "comparator": "AT_LEAST", "threshold": 0.8, "deadlineYear": 2025,
                          "nature": "EXPECTED", "conditionText": "always",
                          "source": {"document": "inner-mongolia-grassroots-tcm-capacity-plan",
                                     "location": "附件 考核评价指标 第13项"}}]}""";

    static final String PROFILES = """
            [{"id": "guangxi-2022", "divisionCode": "45", "parentId": "national", "currentRevision": 1,
              "effectiveFrom": 2021, "targetCount": 25},
             {"id": "yulin-2022", "divisionCode": "4509", "parentId": "guangxi-2022", "currentRevision": 1,
              "effectiveFrom": 2021, "targetCount": 1}]""";

    static final String REVISIONS = """
            [{"revision": 1, "effectiveFrom": 2021, "parentId": "national", "targetCount": 36,
              "changedBy": "seed:libs/targets", "changedAt": "2026-01-05T09:30:00+08:00"},
             {"revision": 2, "effectiveFrom": 2026, "parentId": "national", "targetCount": 36,
              "changedBy": "user-15", "changedAt": "2026-03-02T10:00:00+08:00"}]""";

    static final String TARGET_DENSITY = """
            {"comparator": "AT_LEAST", "threshold": 0.8, "deadlineYear": 2025, "nature": "EXPECTED",
             "source": {"document": "inner-mongolia-grassroots-tcm-capacity-plan", "location": "附件 考核评价指标 第13项"}}""";

    static final String TARGET_CONDITION = """
            {"comparator": "AT_LEAST", "threshold": 30,
             "condition": {"type": "compare", "field": "tcmHospitalsGrade2aOrAbove", "op": "GE", "value": 1},
             "source": {"document": "yulin-grassroots-tcm-capacity-plan-2022", "location": "附表 考核评价指标 第18项"}}""";

    static final String TARGET_BASELINE = """
            {"comparator": "AT_LEAST", "threshold": 65, "nature": "BINDING", "baseline": 56.44, "baselineYear": 2020,
             "source": {"document": "qinzhou-tcm-development-plan-2023", "location": "专栏1 主要发展指标 第7项"}}""";

    static final String EFFECTIVE = """
            {"divisionCode": "450921", "year": 2025,
             "chain": [{"profileId": "yulin-2022", "divisionCode": "4509", "revision": 1, "effectiveFrom": 2021},
                       {"profileId": "guangxi-2022", "divisionCode": "45", "revision": 1, "effectiveFrom": 2021},
                       {"profileId": "national", "divisionCode": "00", "revision": 1, "effectiveFrom": 2021}],
             "targets": [
               {"indicatorCode": "TCM_GP_DENSITY", "indicatorNameZh": "每万常住居民合格的中医类别全科医生数",
                "category": "WORKFORCE", "shape": "PER_POPULATION_DENSITY", "unit": "PER_10K_RESIDENTS",
                "comparator": "BETWEEN", "threshold": 0.4, "upper": 0.7, "deadlineYear": 2025, "nature": "EXPECTED",
                "conditionText": "always",
                "source": {"document": "guangxi-grassroots-tcm-capacity-plan-2022", "location": "附表 考核评价指标 第13项"},
                "provenance": {"profileId": "guangxi-2022", "divisionCode": "45", "revision": 1, "effectiveFrom": 2021}},
               {"indicatorCode": "TCM_LED_MEDICAL_COMMUNITY_COVERAGE",
                "indicatorNameZh": "中医医院牵头的医共体覆盖人口占县域常住人口比例", "category": "MEDICAL_COMMUNITY",
                "shape": "AGGREGATE_RATIO", "unit": "PERCENT", "comparator": "AT_LEAST", "threshold": 30,
                "deadlineYear": 2025, "nature": "EXPECTED",
                "condition": {"type": "compare", "field": "tcmHospitalsGrade2aOrAbove", "op": "GE", "value": 1},
                "conditionText": "tcmHospitalsGrade2aOrAbove >= 1",
                "source": {"document": "yulin-grassroots-tcm-capacity-plan-2022", "location": "附表 考核评价指标 第18项"},
                "provenance": {"profileId": "yulin-2022", "divisionCode": "4509", "revision": 1, "effectiveFrom": 2021}}]}""";

    static final String TECHNIQUE_CLASS = """
            {"code": "ACUPUNCTURE", "scope": "00", "nameZh": "针刺类", "nameEn": "Acupuncture", "sortOrder": 1,
             "revision": 2, "activeItems": 9, "changedBy": "flyway:V4", "changedAt": "2026-01-05T09:30:00+08:00",
             "items": [{"code": "ACUPUNCTURE_FILIFORM", "classCode": "ACUPUNCTURE", "scope": "00", "nameZh": "毫针",
                        "nameEn": "Filiform needle", "retired": false, "provisional": false,
                        "source": "《中医医疗技术相关性感染预防与控制指南（试行）》（国家中医药管理局，2017）：针刺类"},
                       {"code": "ACUPUNCTURE_AURICULAR", "classCode": "ACUPUNCTURE", "scope": "00", "nameZh": "耳针",
                        "nameEn": "Auricular acupuncture", "retired": false, "provisional": false,
                        "source": "《中医医疗技术相关性感染预防与控制指南（试行）》（国家中医药管理局，2017）：针刺类"}]}""";

    static final String TECHNIQUE_REQUEST = """
            {"nameZh": "推拿类", "nameEn": "Tuina", "sortOrder": 3,
             "items": [{"code": "TUINA_PAEDIATRIC", "nameZh": "小儿推拿", "nameEn": "Paediatric tuina"}]}""";

    static final String TECHNIQUE_ITEM = """
            {"code": "ACUPUNCTURE_FU", "classCode": "ACUPUNCTURE", "scope": "00", "nameZh": "浮针",
             "nameEn": "Fu subcutaneous needling", "retired": false, "provisional": false,
             "source": "《中医医疗技术相关性感染预防与控制指南（试行）》（国家中医药管理局，2017）：针刺类"}""";

    static final String TECHNIQUE_CSV = "classCode,classNameZh,itemCode,itemNameZh,classNameEn,itemNameEn\r\n"
            + "ACUPUNCTURE,针刺类,GX_ZC_01,毫针刺法,Acupuncture,Filiform needling\r\n"
            + "ACUPUNCTURE,针刺类,GX_ZC_02,耳穴压豆,Acupuncture,Auricular seed pressing\r\n"
            + "TUINA,推拿类,GX_TN_01,壮医经筋推拿,Tuina,\r\n";

    static final String TECHNIQUE_IMPORT = """
            {"scope": "45", "rows": 3, "classes": 2, "items": 3, "changedClasses": ["ACUPUNCTURE", "TUINA"],
             "unchangedClasses": 0, "retiredItems": 0}""";

    static final String TECHNIQUE_IMPORT_REJECTED = """
            {"type": "/problems/import-rejected", "title": "Import rejected", "status": 422,
             "detail": "1 of 3 rows break rules (1 errors); nothing was stored",
             "errors": [{"field": "rows[3].itemCode", "rule": "unique-in-list",
                         "message": "row 3: item GX_ZC_01 is already listed in row 2; an item belongs to one class"}]}""";

    static final String INDICATOR = """
            {"code": "CHSC_TCM_PHYSICIAN_SHARE_EACH",
             "nameZh": "中医类别医师占本机构医师总数的比例达到25%以上的社区卫生服务中心比例",
             "nameEn": "CHSC each with >= 25% TCM-category physicians", "category": "WORKFORCE",
             "categoryNameZh": "基层中医药人才队伍建设", "shape": "COMPLIANCE_RATE", "unit": "PERCENT", "unitNameZh": "%",
             "reporter": "INSTITUTION", "applicableTypes": ["CHSC"],
             "perUnitRule": "tcmPhysicians >= 25% of physicians"}""";

    static final String BAD_THRESHOLD = """
            {"type": "/problems/validation", "title": "Request is invalid", "status": 400,
             "detail": "TCM_PHYSICIAN_RATIO: threshold: 130 is outside the range [0, 100] of unit PERCENT",
             "instance": "/api/v1/profiles/guangxi-2022/targets/TCM_PHYSICIAN_RATIO",
             "errors": [{"field": "threshold", "rule": "range",
                         "message": "TCM_PHYSICIAN_RATIO: threshold: 130 is outside the range [0, 100] of unit PERCENT"}]}""";

    static final String CYCLE = """
            {"type": "/problems/validation", "title": "Request is invalid", "status": 400,
             "detail": "parentId: cycle in target profile parents: wuzhou-2025 -> cenxi-2025 -> wuzhou-2025",
             "instance": "/api/v1/profiles/wuzhou-2025/parent",
             "errors": [{"field": "parentId", "rule": "no-cycle",
                         "message": "parentId: cycle in target profile parents: wuzhou-2025 -> cenxi-2025 -> wuzhou-2025"}]}""";

    static final String UNKNOWN_PARENT = """
            {"type": "/problems/validation", "title": "Request is invalid", "status": 400,
             "detail": "beihai-2025: parentId: 'ghost' is not among the profiles [national, guangxi-2022, yulin-2022]",
             "instance": "/api/v1/profiles",
             "errors": [{"field": "parentId", "rule": "known-parent",
                         "message": "beihai-2025: parentId: 'ghost' is not among the profiles [national, guangxi-2022, yulin-2022]"}]}""";

    static final String OUT_OF_JURISDICTION = """
            {"type": "/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "division 45 is outside your jurisdiction 15; a catalog admin changes profiles of their own division and below",
             "instance": "/api/v1/profiles/guangxi-2022/targets/TCM_GP_DENSITY",
             "errors": [{"field": "divisionCode", "rule": "within-jurisdiction",
                         "message": "division 45 is outside your jurisdiction 15; a catalog admin changes profiles of their own division and below"}]}""";

    static final String TOO_EARLY = """
            {"type": "/problems/validation", "title": "Request is invalid", "status": 400,
             "detail": "revision 2 of inner-mongolia takes effect in 2026; a change cannot take effect earlier (2025)",
             "errors": [{"field": "effectiveFrom", "rule": "not-before-latest-revision",
                         "message": "revision 2 of inner-mongolia takes effect in 2026; a change cannot take effect earlier (2025)"}]}""";

    private Examples() {
    }
}

package org.tcmeval.evaluation.fhir;

/**
 * The FHIR answers' examples in the OpenAPI description: exactly what the export writes for the
 * README's walking skeleton (玉州区 2024, 3 of 16 TCM physicians; one centre with 2 of 8), kept so by
 * FhirExamplesTest, which also validates them.
 */
public final class FhirExamples {

    /** GET /api/v1/fhir/Measure/TCM_PHYSICIAN_RATIO?year=2024&amp;division=450902. */
    public static final String MEASURE = """
            {
              "resourceType": "Measure",
              "id": "TCM-PHYSICIAN-RATIO",
              "language": "zh-CN",
              "text": {
                "status": "generated",
                "div": "<div xml:lang=\\"zh-CN\\" xmlns=\\"http://www.w3.org/1999/xhtml\\" lang=\\"zh-CN\\"><p>TCM_PHYSICIAN_RATIO：社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例 (TCM-category physicians as a share of all physicians in CHSC/THC); Proportion; 目标 ≥ 25%（guangxi-2022，2025 年底前）; target &gt;= 25% (profile guangxi-2022, due by the end of 2025)</p></div>"
              },
              "url": "https://tcmeval.org/fhir/Measure/TCM-PHYSICIAN-RATIO",
              "identifier": [ {
                "use": "official",
                "system": "https://tcmeval.org/fhir/sid/indicator-code",
                "value": "TCM_PHYSICIAN_RATIO"
              } ],
              "version": "guangxi-2022",
              "name": "TCM_PHYSICIAN_RATIO",
              "title": "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例",
              "_title": {
                "extension": [ {
                  "url": "http://hl7.org/fhir/StructureDefinition/translation",
                  "extension": [ {
                    "url": "lang",
                    "valueCode": "en"
                  }, {
                    "url": "content",
                    "valueString": "TCM-category physicians as a share of all physicians in CHSC/THC"
                  } ]
                } ]
              },
              "status": "active",
              "experimental": false,
              "subjectCodeableConcept": {
                "coding": [ {
                  "system": "http://hl7.org/fhir/resource-types",
                  "code": "Organization",
                  "display": "Organization"
                } ],
                "text": "机构（CHSC、THC）"
              },
              "publisher": "基层中医药服务能力评价 (TCM grassroots capacity evaluation)",
              "description": "TCM-category physicians as a share of all physicians in CHSC/THC\\n\\nSum of `tcmPhysicians` over the sum of `physicians` across institutions of type CHSC, THC: sums, never an average of rates. The plans state it in percent; a MeasureReport's measureScore is the fraction 0-1.\\n\\n社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例（基层中医药人才队伍建设；填报主体：机构（CHSC、THC））",
              "effectivePeriod": {
                "start": "2024-01-01",
                "end": "2024-12-31"
              },
              "topic": [ {
                "coding": [ {
                  "system": "https://tcmeval.org/fhir/CodeSystem/indicator-category",
                  "code": "WORKFORCE",
                  "display": "基层中医药人才队伍建设"
                } ]
              } ],
              "scoring": {
                "coding": [ {
                  "system": "http://terminology.hl7.org/CodeSystem/measure-scoring",
                  "code": "proportion",
                  "display": "Proportion"
                } ]
              },
              "improvementNotation": {
                "coding": [ {
                  "system": "http://terminology.hl7.org/CodeSystem/measure-improvement-notation",
                  "code": "increase",
                  "display": "Increased score indicates improvement"
                } ]
              },
              "group": [ {
                "extension": [ {
                  "url": "https://tcmeval.org/fhir/StructureDefinition/target",
                  "extension": [ {
                    "url": "comparator",
                    "valueCode": "AT_LEAST"
                  }, {
                    "url": "detail",
                    "valueRange": {
                      "low": {
                        "value": 25,
                        "unit": "%",
                        "system": "http://unitsofmeasure.org",
                        "code": "%"
                      }
                    }
                  }, {
                    "url": "profile",
                    "valueString": "guangxi-2022"
                  }, {
                    "url": "due",
                    "valueDate": "2025"
                  } ]
                } ],
                "code": {
                  "coding": [ {
                    "system": "https://tcmeval.org/fhir/sid/indicator-code",
                    "code": "TCM_PHYSICIAN_RATIO",
                    "display": "TCM-category physicians as a share of all physicians in CHSC/THC"
                  } ],
                  "text": "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例"
                },
                "description": "目标 ≥ 25%（guangxi-2022，2025 年底前）; target >= 25% (profile guangxi-2022, due by the end of 2025)",
                "population": [ {
                  "code": {
                    "coding": [ {
                      "system": "http://terminology.hl7.org/CodeSystem/measure-population",
                      "code": "denominator",
                      "display": "Denominator"
                    } ]
                  },
                  "description": "Sum of physicians over institutions of type CHSC, THC (each unit adds its figure)",
                  "criteria": {
                    "description": "Sum of physicians over institutions of type CHSC, THC (each unit adds its figure); evaluated for one unit over its counted report figures",
                    "language": "text/fhirpath",
                    "expression": "physicians"
                  }
                }, {
                  "code": {
                    "coding": [ {
                      "system": "http://terminology.hl7.org/CodeSystem/measure-population",
                      "code": "numerator",
                      "display": "Numerator"
                    } ]
                  },
                  "description": "Sum of tcmPhysicians over institutions of type CHSC, THC (each unit adds its figure)",
                  "criteria": {
                    "description": "Sum of tcmPhysicians over institutions of type CHSC, THC (each unit adds its figure); evaluated for one unit over its counted report figures",
                    "language": "text/fhirpath",
                    "expression": "tcmPhysicians"
                  }
                } ]
              } ]
            }""";

    /** GET /api/v1/fhir/MeasureReport?division=450902&amp;year=2024, one entry of the collection shown. */
    public static final String SUMMARY = """
            {
              "resourceType": "Bundle",
              "type": "collection",
              "timestamp": "2024-04-02T01:31:05.000+00:00",
              "link": [ {
                "relation": "self",
                "url": "http://127.0.0.1:8084/api/v1/fhir/MeasureReport?division=450902&year=2024"
              } ],
              "entry": [ {
                "fullUrl": "urn:uuid:129852d5-3db7-3294-82be-0e5c4115523b",
                "resource": {
                  "resourceType": "MeasureReport",
                  "text": {
                    "status": "generated",
                    "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>玉州区 450902 2024：TCM_PHYSICIAN_RATIO = 18.75%，NOT_MET；目标 ≥ 25%（guangxi-2022）; target &gt;= 25% (profile guangxi-2022)</p></div>"
                  },
                  "identifier": [ {
                    "system": "https://tcmeval.org/fhir/sid/measure-report",
                    "value": "450902/2024/TCM_PHYSICIAN_RATIO"
                  } ],
                  "status": "complete",
                  "type": "summary",
                  "measure": "https://tcmeval.org/fhir/Measure/TCM-PHYSICIAN-RATIO|guangxi-2022",
                  "subject": {
                    "type": "Location",
                    "identifier": {
                      "system": "https://tcmeval.org/fhir/sid/gb-t-2260",
                      "value": "450902"
                    },
                    "display": "玉州区"
                  },
                  "date": "2024-04-02T01:30:00+00:00",
                  "period": {
                    "start": "2024-01-01",
                    "end": "2024-12-31"
                  },
                  "improvementNotation": {
                    "coding": [ {
                      "system": "http://terminology.hl7.org/CodeSystem/measure-improvement-notation",
                      "code": "increase",
                      "display": "Increased score indicates improvement"
                    } ]
                  },
                  "group": [ {
                    "extension": [ {
                      "url": "https://tcmeval.org/fhir/StructureDefinition/evaluation-status",
                      "valueCode": "NOT_MET"
                    }, {
                      "url": "https://tcmeval.org/fhir/StructureDefinition/target",
                      "extension": [ {
                        "url": "comparator",
                        "valueCode": "AT_LEAST"
                      }, {
                        "url": "detail",
                        "valueRange": {
                          "low": {
                            "value": 25,
                            "unit": "%",
                            "system": "http://unitsofmeasure.org",
                            "code": "%"
                          }
                        }
                      }, {
                        "url": "profile",
                        "valueString": "guangxi-2022"
                      } ]
                    }, {
                      "url": "https://tcmeval.org/fhir/StructureDefinition/completeness",
                      "extension": [ {
                        "url": "unitsDecided",
                        "valueInteger": 2
                      }, {
                        "url": "unitsExpected",
                        "valueInteger": 2
                      }, {
                        "url": "percent",
                        "valueDecimal": 100
                      } ]
                    } ],
                    "code": {
                      "coding": [ {
                        "system": "https://tcmeval.org/fhir/sid/indicator-code",
                        "code": "TCM_PHYSICIAN_RATIO",
                        "display": "TCM-category physicians as a share of all physicians in CHSC/THC"
                      } ],
                      "text": "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例"
                    },
                    "population": [ {
                      "code": {
                        "coding": [ {
                          "system": "http://terminology.hl7.org/CodeSystem/measure-population",
                          "code": "numerator",
                          "display": "Numerator"
                        } ]
                      },
                      "count": 3
                    }, {
                      "code": {
                        "coding": [ {
                          "system": "http://terminology.hl7.org/CodeSystem/measure-population",
                          "code": "denominator",
                          "display": "Denominator"
                        } ]
                      },
                      "count": 16
                    } ],
                    "measureScore": {
                      "value": 0.1875
                    }
                  } ]
                }
              } ]
            }""";

    /** GET /api/v1/fhir/MeasureReport?institution=...&amp;year=2024, one entry of the collection shown. */
    public static final String INDIVIDUAL = """
            {
              "resourceType": "Bundle",
              "type": "collection",
              "timestamp": "2024-04-02T01:31:05.000+00:00",
              "link": [ {
                "relation": "self",
                "url": "http://127.0.0.1:8084/api/v1/fhir/MeasureReport?institution=0b6a3e4c-8f0e-4c1e-9a53-2f1d7c1e5a10&year=2024"
              } ],
              "entry": [ {
                "fullUrl": "urn:uuid:7c5b4df1-92c4-3c4e-9919-29be660c450f",
                "resource": {
                  "resourceType": "MeasureReport",
                  "text": {
                    "status": "generated",
                    "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>玉州区名山街道卫生院 0b6a3e4c-8f0e-4c1e-9a53-2f1d7c1e5a10 2024：TCM_PHYSICIAN_RATIO COUNTED = 2/8 = 25%</p></div>"
                  },
                  "identifier": [ {
                    "system": "https://tcmeval.org/fhir/sid/measure-report",
                    "value": "0b6a3e4c-8f0e-4c1e-9a53-2f1d7c1e5a10/2024/TCM_PHYSICIAN_RATIO"
                  } ],
                  "status": "complete",
                  "type": "individual",
                  "measure": "https://tcmeval.org/fhir/Measure/TCM-PHYSICIAN-RATIO|guangxi-2022",
                  "reporter": {
                    "type": "Organization",
                    "identifier": {
                      "system": "https://tcmeval.org/fhir/sid/institution-id",
                      "value": "0b6a3e4c-8f0e-4c1e-9a53-2f1d7c1e5a10"
                    },
                    "display": "玉州区名山街道卫生院"
                  },
                  "period": {
                    "start": "2024-01-01",
                    "end": "2024-12-31"
                  },
                  "improvementNotation": {
                    "coding": [ {
                      "system": "http://terminology.hl7.org/CodeSystem/measure-improvement-notation",
                      "code": "increase",
                      "display": "Increased score indicates improvement"
                    } ]
                  },
                  "group": [ {
                    "extension": [ {
                      "url": "https://tcmeval.org/fhir/StructureDefinition/unit-state",
                      "valueCode": "COUNTED"
                    }, {
                      "url": "https://tcmeval.org/fhir/StructureDefinition/target",
                      "extension": [ {
                        "url": "comparator",
                        "valueCode": "AT_LEAST"
                      }, {
                        "url": "detail",
                        "valueRange": {
                          "low": {
                            "value": 25,
                            "unit": "%",
                            "system": "http://unitsofmeasure.org",
                            "code": "%"
                          }
                        }
                      }, {
                        "url": "profile",
                        "valueString": "guangxi-2022"
                      } ]
                    } ],
                    "code": {
                      "coding": [ {
                        "system": "https://tcmeval.org/fhir/sid/indicator-code",
                        "code": "TCM_PHYSICIAN_RATIO",
                        "display": "TCM-category physicians as a share of all physicians in CHSC/THC"
                      } ],
                      "text": "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例"
                    },
                    "population": [ {
                      "code": {
                        "coding": [ {
                          "system": "http://terminology.hl7.org/CodeSystem/measure-population",
                          "code": "numerator",
                          "display": "Numerator"
                        } ]
                      },
                      "count": 2
                    }, {
                      "code": {
                        "coding": [ {
                          "system": "http://terminology.hl7.org/CodeSystem/measure-population",
                          "code": "denominator",
                          "display": "Denominator"
                        } ]
                      },
                      "count": 8
                    } ],
                    "measureScore": {
                      "value": 0.25
                    }
                  } ]
                }
              } ]
            }""";

    private FhirExamples() {
    }
}

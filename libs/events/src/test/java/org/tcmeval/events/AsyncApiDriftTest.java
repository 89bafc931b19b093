package org.tcmeval.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

/**
 * Fails when the event records of this library and {@code openapi/asyncapi.yaml} disagree, so the
 * AsyncAPI stays the true description of what is on the wire:
 *
 * <ul>
 *   <li>every topic in {@link Topics} has a channel and every channel a topic, every type in
 *       {@link EventTypes} a message named after it;</li>
 *   <li>each record's JSON Schema, generated from the record, has exactly the AsyncAPI payload's
 *       properties, types, enums and required primitives (see {@link RecordSchemas});</li>
 *   <li>each message has examples, which validate against its schemas and read into the record
 *       with the production {@link EventJson}, and write back unchanged;</li>
 *   <li>events built by this library's own code (every canonical target profile among them)
 *       validate and carry no property the AsyncAPI does not declare;</li>
 *   <li>the channels called compacted are the topics the services compact;</li>
 *   <li>the Kafka headers the outbox relay sets and the record keys the producers use match each
 *       message's headers schema and Kafka key binding.</li>
 * </ul>
 */
class AsyncApiDriftTest {

    static final AsyncApi API = AsyncApi.load();
    static final OffsetDateTime AT = OffsetDateTime.of(2025, 1, 20, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    /**
     * One event on one topic.
     *
     * @param keys record keys the producers use (built the way they build them)
     */
    record Contract(String channel, String message, String topic, String type, Class<?> data, String schema,
            int version, List<String> keys) {

        @Override
        public String toString() {
            return topic;
        }
    }

    static final List<Contract> CONTRACTS = List.of(
            new Contract("institutionChanged", "institutionChanged", Topics.INSTITUTION_CHANGED,
                    EventTypes.INSTITUTION_CHANGED, InstitutionChanged.class, "InstitutionChanged",
                    InstitutionChanged.VERSION, List.of(UUID.randomUUID().toString())),
            new Contract("divisionChanged", "divisionChanged", Topics.DIVISION_CHANGED, EventTypes.DIVISION_CHANGED,
                    DivisionChanged.class, "DivisionChanged", DivisionChanged.VERSION,
                    List.of("45", "4509", "450902", "450902100")),
            new Contract("reportSubmitted", "reportSubmitted", Topics.REPORT_SUBMITTED, EventTypes.REPORT_SUBMITTED,
                    ReportSubmitted.class, "ReportSubmitted", ReportSubmitted.VERSION,
                    List.of(ReportSubmitted.partitionKey("450902100"), ReportSubmitted.partitionKey("450902"),
                            ReportSubmitted.partitionKey("4509"), ReportSubmitted.partitionKey("45"))),
            new Contract("targetEvaluated", "targetEvaluated", Topics.TARGET_EVALUATED, EventTypes.TARGET_EVALUATED,
                    TargetEvaluated.class, "TargetEvaluated", TargetEvaluated.VERSION,
                    List.of("450902:TCM_PHYSICIAN_RATIO:2024:guangxi-2022", "45:TCM_GP_DENSITY:2024:none")),
            new Contract("catalogChanged", "targetProfileChanged", Topics.CATALOG_CHANGED,
                    EventTypes.TARGET_PROFILE_CHANGED, TargetProfileChanged.class, "TargetProfileChanged",
                    TargetProfileChanged.VERSION, CanonicalProfiles.ALL.stream().map(p -> p.id()).toList()),
            new Contract("techniqueChanged", "techniqueClassChanged", Topics.TECHNIQUE_CHANGED,
                    EventTypes.TECHNIQUE_CLASS_CHANGED, TechniqueClassChanged.class, "TechniqueClassChanged",
                    TechniqueClassChanged.VERSION, List.of(TechniqueClassChanged.key("00", "ACUPUNCTURE"),
                            TechniqueClassChanged.key("45", "ACUPUNCTURE"))));

    static Stream<Contract> contracts() {
        return CONTRACTS.stream();
    }

    @Test
    void everyTopicHasAChannelAndEveryChannelATopic() {
        Set<String> addresses = new TreeSet<>();
        API.channels().forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).as("channel addresses in openapi/asyncapi.yaml").isEqualTo(constants(Topics.class));
        assertThat(CONTRACTS).extracting(Contract::topic).containsExactlyInAnyOrderElementsOf(constants(Topics.class));
    }

    @Test
    void everyEventTypeHasAMessageNamedAfterItOnItsTopicsChannel() {
        Set<String> names = new TreeSet<>();
        API.root.path("components").path("messages").forEach(m -> names.add(m.path("name").asText()));
        assertThat(names).as("message names in openapi/asyncapi.yaml").isEqualTo(constants(EventTypes.class));
        for (Contract c : CONTRACTS) {
            JsonNode channel = API.channels().path(c.channel());
            assertThat(channel.path("address").asText()).isEqualTo(c.topic());
            assertThat(AsyncApi.names(channel.path("messages"))).containsExactly(c.message());
            JsonNode message = API.message(c.message());
            assertThat(message.path("name").asText()).isEqualTo(c.type());
            assertThat(message.at("/payload/allOf/1/properties/type/const").asText()).isEqualTo(c.type());
            assertThat(message.at("/payload/allOf/1/properties/data/$ref").asText())
                    .isEqualTo("#/components/schemas/" + c.schema());
        }
    }

    /** The channels the AsyncAPI calls compacted are the topics the services compact (tcm.kafka.compacted-topics.names). */
    @Test
    void theCompactedChannelsAreTheTopicsTheServicesCompact() throws Exception {
        Set<String> described = new TreeSet<>();
        API.channels().forEach(c -> c.at("/bindings/kafka/topicConfiguration/cleanup.policy").forEach(policy -> {
            if (policy.asText().equals("compact")) {
                described.add(c.path("address").asText());
            }
        }));
        Set<String> configured = new TreeSet<>();
        Path services = Path.of(System.getProperty("tcm.root", "../..")).toAbsolutePath().normalize().resolve("services");
        try (Stream<Path> files = Files.list(services)) {
            for (Path config : files.map(d -> d.resolve("src/main/resources/application.properties"))
                    .filter(Files::exists).toList()) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(config)) {
                    p.load(in);
                }
                String names = p.getProperty("tcm.kafka.compacted-topics.names", "");
                Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).forEach(configured::add);
            }
        }
        assertThat(configured).isNotEmpty();
        assertThat(described).as("channels with cleanup.policy compact").isEqualTo(configured);
    }

    @Test
    void theEnvelopeSchemaIsTheEnvelopeRecord() {
        assertThat(RecordSchemas.drift(API, EventEnvelope.class, API.schema("envelope"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theDataSchemaIsTheRecord(Contract c) {
        assertThat(RecordSchemas.drift(API, c.data(), API.schema(c.schema())))
                .as("%s against components.schemas.%s (generated from the record: %s)", c.data().getSimpleName(),
                        c.schema(), RecordSchemas.generate(c.data()))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyExampleValidatesAndReadsIntoTheRecordUnchanged(Contract c) throws Exception {
        JsonNode message = API.message(c.message());
        assertThat(message.path("examples")).as("examples of %s", c.message()).isNotEmpty();
        for (JsonNode example : message.path("examples")) {
            JsonNode payload = example.path("payload");
            String which = c.message() + " example " + example.path("name").asText("");
            assertThat(API.validate(message.get("payload"), payload)).as(which).isEmpty();
            assertThat(API.undeclared(message.get("payload"), payload)).as(which).isEmpty();
            assertThat(payload.path("dataversion").asInt()).as(which).isEqualTo(c.version());

            EventEnvelope<?> read = EventJson.read(payload.toString(), c.data());
            String written = EventJson.write(read);
            assertThat(EventJson.read(written, c.data())).as(which).isEqualTo(read);
            assertThat(AsyncApi.JSON.readTree(written)).as(which + ", written back by EventJson").isEqualTo(payload);

            JsonNode headers = example.path("headers");
            assertThat(API.validate(message.get("headers"), headers)).as(which + " headers").isEmpty();
            assertThat(headers.path(EventJson.ID_HEADER).asText()).as(which).isEqualTo(payload.path("id").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void eventsBuiltByTheLibraryMatchTheSchema(Contract c) throws Exception {
        List<EventEnvelope<?>> events = built().stream().filter(e -> e.type().equals(c.type())).toList();
        assertThat(events).isNotEmpty();
        JsonNode payload = API.message(c.message()).get("payload");
        for (EventEnvelope<?> event : events) {
            JsonNode json = AsyncApi.JSON.readTree(EventJson.write(event));
            assertThat(API.validate(payload, json)).as("%s", json).isEmpty();
            assertThat(API.undeclared(payload, json)).as("%s", json).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theHeadersAndKeysTheProducersSetMatchTheMessage(Contract c) {
        JsonNode message = API.message(c.message());
        // As OutboxRelay sets them on every record.
        JsonNode headers = AsyncApi.JSON.createObjectNode().put(EventJson.CONTENT_TYPE_HEADER, EventJson.CONTENT_TYPE)
                .put(EventJson.ID_HEADER, UUID.randomUUID().toString());
        assertThat(API.validate(message.path("headers"), headers)).isEmpty();
        assertThat(API.resolve(message.path("headers")).path("required")).hasSize(2);

        JsonNode key = message.at("/bindings/kafka/key");
        assertThat(key.isObject()).as("%s declares its Kafka key (bindings.kafka.key)", c.message()).isTrue();
        for (String k : c.keys()) {
            assertThat(API.validate(key, AsyncApi.JSON.getNodeFactory().textNode(k))).as(k).isEmpty();
        }
    }

    /** Events as the producers build them, with every optional field filled and with none. */
    static List<EventEnvelope<?>> built() {
        String id = UUID.randomUUID().toString();
        List<EventEnvelope<?>> events = new ArrayList<>();
        events.add(EventEnvelope.of("/institution-registry", EventTypes.INSTITUTION_CHANGED, id,
                InstitutionChanged.VERSION, new InstitutionChanged(id, 4, "容县中医医院", InstitutionType.COUNTY_TCM_HOSPITAL,
                        "450921", "450921", LocalDate.of(1958, 3, 1), LocalDate.of(2025, 12, 31), "12450921MB0000001X",
                        "PDY00001-045092117A1002", "PUBLIC", HospitalGrade.GRADE_2A, "ZHUANG")));
        events.add(EventEnvelope.of("/institution-registry", EventTypes.INSTITUTION_CHANGED, id,
                InstitutionChanged.VERSION, new InstitutionChanged(id, 0, "玉州区仁东镇卫生院", InstitutionType.THC,
                        "450902100", "450902", null, null)));
        events.add(EventEnvelope.of("/institution-registry", EventTypes.DIVISION_CHANGED, "450902",
                DivisionChanged.VERSION, new DivisionChanged("450902", 2, "玉州区", "COUNTY", "4509", "市辖区",
                        new TreeMap<>(Map.of(2023, 1_271_000L, 2024, 1_263_000L)))));
        events.add(EventEnvelope.of("/institution-registry", EventTypes.DIVISION_CHANGED, "45",
                DivisionChanged.VERSION, new DivisionChanged("45", 0, "广西壮族自治区", "PROVINCE", null, null, null)));
        events.add(EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED, id, ReportSubmitted.VERSION,
                new ReportSubmitted(id, 1, 2, "INSTITUTION", id, id, "THC", "450902100", 2024, "2024", "APPROVED",
                        Map.of("physicians", new BigDecimal("8"), "tcmPhysicians", new BigDecimal("2")),
                        List.of("ACUPUNCTURE_FILIFORM"), AT, AT.plusDays(2))));
        events.add(EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED, id, ReportSubmitted.VERSION,
                new ReportSubmitted(id, 1, 1, "COUNTY", "450902", null, null, "450902", 2024, "2024", "SUBMITTED",
                        Map.of("residentPopulation", new BigDecimal("620000")), null, AT, AT)));
        events.add(EventEnvelope.of("/evaluation", EventTypes.TARGET_EVALUATED, "450902:TCM_PHYSICIAN_RATIO:2024:guangxi-2022",
                TargetEvaluated.VERSION, new TargetEvaluated("COUNTY", "450902", "TCM_PHYSICIAN_RATIO", 2024, 2,
                        new BigDecimal("18.75"), new BigDecimal("3"), new BigDecimal("16"), Comparator.BETWEEN,
                        new BigDecimal("25"), new BigDecimal("40"), "guangxi-2022", "NOT_MET", new BigDecimal("100"), 2L,
                        2L, "JUDGED_AT_PROFILE_DIVISION", "45")));
        events.add(EventEnvelope.of("/evaluation", EventTypes.TARGET_EVALUATED,
                "450922:TCM_LED_MEDICAL_COMMUNITY_COVERAGE:2024:guangxi-2022", TargetEvaluated.VERSION,
                new TargetEvaluated("COUNTY", "450922", "TCM_LED_MEDICAL_COMMUNITY_COVERAGE", 2024, 1, null, BigDecimal.ZERO,
                        BigDecimal.ZERO, Comparator.AT_LEAST, new BigDecimal("30"), null, "guangxi-2022",
                        "NOT_APPLICABLE", new BigDecimal("100"), 1L, 1L, "DIVISION_CONDITION_NOT_MET",
                        "residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1", new BigDecimal("250000"),
                        "REGISTRY")));
        events.add(EventEnvelope.of("/evaluation", EventTypes.TARGET_EVALUATED, "45:TCM_GP_DENSITY:2024:none",
                TargetEvaluated.VERSION, new TargetEvaluated("PROVINCE", "45", "TCM_GP_DENSITY", 2024, 1, null, null,
                        null, null, null, null, null, "NO_TARGET", null, null, null, null, null)));
        // Every canonical profile, every target of it (conditions of every kind among them), as the
        // catalog publishes them: through TargetSpec.of.
        CanonicalProfiles.ALL.forEach(p -> events.add(EventEnvelope.of("/indicator-catalog",
                EventTypes.TARGET_PROFILE_CHANGED, p.id(), TargetProfileChanged.VERSION,
                new TargetProfileChanged(p.id(), p.divisionCode(), 1, List.of(new TargetProfileChanged.Revision(1, 2022,
                        p.parentId(), p.targets().stream().map(TargetSpec::of).toList(), "flyway:V1", AT))))));
        events.add(EventEnvelope.of("/indicator-catalog", EventTypes.TECHNIQUE_CLASS_CHANGED, "ACUPUNCTURE",
                TechniqueClassChanged.VERSION, new TechniqueClassChanged("ACUPUNCTURE", 2, "针刺类", null, 1,
                        List.of(new TechniqueClassChanged.Item("GX_ZC_01", "毫针刺法", null, false, false, "广西目录"),
                                new TechniqueClassChanged.Item("ACUPUNCTURE_FU", "浮针", "Fu needling", true)),
                        "user-45", AT, "45")));
        events.add(EventEnvelope.of("/indicator-catalog", EventTypes.TECHNIQUE_CLASS_CHANGED, "ACUPUNCTURE",
                TechniqueClassChanged.VERSION, new TechniqueClassChanged("ACUPUNCTURE", 1, "针刺类", "Acupuncture", 1,
                        List.of(), "flyway:V3", AT)));
        return events;
    }

    private static Set<String> constants(Class<?> holder) {
        Set<String> values = new TreeSet<>();
        for (Field f : holder.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    values.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}

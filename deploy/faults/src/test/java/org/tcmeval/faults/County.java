package org.tcmeval.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tcmeval.launcher.Api;
import org.tcmeval.launcher.Stack;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.Ownership;
import org.tcmeval.registry.UnifiedSocialCreditCode;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.targets.InstitutionType;

/**
 * The county (or counties of 玉林市) the suites in this module stream reports into (by default 玉州区
 * 450902 of 玉林市, 广西), set up through the services' APIs, and what they read back to compare with
 * the {@link Ledger}: the ratio's sums per division, each institution's counted contribution, the
 * reports stored.
 */
final class County {

    static final String RATIO = "TCM_PHYSICIAN_RATIO";
    static final String CODE = "450902";
    /** The counties of 玉林市 (4509), by code. */
    static final Map<String, String> YULIN = new LinkedHashMap<>();

    static {
        YULIN.put("450902", "玉州区");
        YULIN.put("450903", "福绵区");
        YULIN.put("450921", "容县");
        YULIN.put("450922", "陆川县");
        YULIN.put("450923", "博白县");
        YULIN.put("450924", "兴业县");
        YULIN.put("450981", "北流市");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Stack stack;
    private final String provinceAdmin;
    private final String evaluation;
    private final List<String> codes;
    private final Map<String, String> countyOf = new HashMap<>();

    County(Stack stack, String provinceAdmin) {
        this(stack, provinceAdmin, stack.url("evaluation"), List.of(CODE));
    }

    /** Several counties of 玉林市 (codes of {@link #YULIN}), institutions spread over them in turn. */
    County(Stack stack, String provinceAdmin, List<String> codes) {
        this(stack, provinceAdmin, stack.url("evaluation"), codes);
    }

    private County(Stack stack, String provinceAdmin, String evaluation, List<String> codes) {
        this.stack = stack;
        this.provinceAdmin = provinceAdmin;
        this.evaluation = evaluation;
        this.codes = List.copyOf(codes);
    }

    /** The same counties, with evaluation's answers read from the instance at {@code evaluationUrl}. */
    County readingFrom(String evaluationUrl) {
        return new County(stack, provinceAdmin, evaluationUrl, codes);
    }

    /** The county codes, in the order institutions are spread over them. */
    List<String> codes() {
        return codes;
    }

    /** Township {@code t} (0-4) of a county: its code and 100 + t. */
    static String township(String county, int t) {
        return county + (100 + t);
    }

    /**
     * Divisions and {@code count} township health centres (the counties' in turn, five townships each),
     * by the registry's CSV import; answers their ids, the counties' in turn.
     */
    List<String> registerInstitutions(int count) {
        String registry = stack.url("institution-registry");
        Map<String, String> divisions = new LinkedHashMap<>();
        divisions.put("45", "广西壮族自治区");
        divisions.put("4509", "玉林市");
        for (String county : codes) {
            divisions.put(county, YULIN.get(county));
            for (int t = 0; t < 5; t++) {
                divisions.put(township(county, t), YULIN.get(county) + "故障镇" + (t + 1));
            }
        }
        divisions.forEach((code, name) -> Api.put(registry + "/api/v1/divisions/" + code, provinceAdmin,
                Map.of("name", name, "population", Map.of("2024", 100_000))).expect(200, 201));
        List<InstitutionCsv.Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String county = codes.get(i % codes.size());
            String first17 = "12" + county + "M" + String.format("%08d", i + 1);
            lines.add(new InstitutionCsv.Line(null, new InstitutionDraft("故障测试卫生院" + (i + 1), InstitutionType.THC,
                    township(county, (i / codes.size()) % 5), first17 + UnifiedSocialCreditCode.checkCharacter(first17),
                    null, Ownership.PUBLIC, null, null, LocalDate.of(1998, 6, 1), null)));
        }
        var report = Api.postCsv(registry + "/api/v1/institutions/import", provinceAdmin, InstitutionCsv.write(lines))
                .expect(200);
        assertThat(report.body().get("created").asInt()).isEqualTo(count);
        List<List<String>> byCounty = new ArrayList<>();
        for (String county : codes) {
            String csv = text(registry + "/api/v1/institutions/export?division=" + county);
            List<String> ids = InstitutionCsv.read(csv).rows().stream().map(r -> r.id().toString()).toList();
            ids.forEach(id -> countyOf.put(id, county));
            byCounty.add(ids);
        }
        // The counties' in turn, so that any run of them (a client's share) spans every county.
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < countyOf.size(); i++) {
            for (List<String> c : byCounty) {
                if (i < c.size()) {
                    ids.add(c.get(i));
                }
            }
        }
        assertThat(ids).hasSize(count);
        return ids;
    }

    /** The county of an institution {@link #registerInstitutions} registered. */
    String countyOf(String institutionId) {
        return countyOf.get(institutionId);
    }

    /** Reporting learns institutions from Kafka; a stream starts once it knows all of them. */
    void awaitReportingKnows(int institutions) {
        awaitCondition("reporting knows the " + institutions + " institutions", Duration.ofSeconds(120), () ->
                codes.stream().mapToInt(county -> get(stack.url("reporting") + "/api/v1/completeness/" + county
                        + "/2024").get("total").get("expected").asInt()).sum() == institutions);
    }

    /** 2024's default window closed on 2025-03-31; the province keeps it open for the stream. */
    void openWindow(String province, String period) {
        String url = stack.url("reporting") + "/api/v1/windows/" + province + "/" + period;
        int revision = Api.get(url, provinceAdmin).expect(200).body().get("revision").asInt();
        Api.put(url, provinceAdmin, "\"" + revision + "\"", Map.of("opensOn", "2025-01-01", "closesOn",
                LocalDate.now().plusYears(1).toString())).expect(200);
    }

    /** The ratio's entry once it shows these sums (and this many units decided, unless null), or the last seen after 120 s. */
    Map<String, Object> awaitSettled(String division, BigDecimal numerator, BigDecimal denominator, Long units) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Map<String, Object> last;
        do {
            last = entry(division, null);
            if (numerator.equals(last.get("numerator")) && denominator.equals(last.get("denominator"))
                    && (units == null || units.equals(last.get("unitsDecided")))) {
                return last;
            }
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        return last;
    }

    /** The ratio's entry on a division's scorecard: numerator, denominator (integers) and units decided. */
    Map<String, Object> entry(String division, String profile) {
        JsonNode card = get(evaluation + "/api/v1/scorecards/" + division + "?year=2024"
                + (profile == null ? "" : "&profile=" + profile));
        for (JsonNode e : card.get("indicators")) {
            if (e.get("indicatorCode").asText().equals(RATIO)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("numerator", integer(e.get("numerator")));
                m.put("denominator", integer(e.get("denominator")));
                m.put("unitsDecided", e.path("unitsDecided").asLong());
                m.put("status", e.path("status").asText());
                return m;
            }
        }
        throw new AssertionError(RATIO + " missing from the scorecard of " + division);
    }

    private static BigDecimal integer(JsonNode n) {
        return n == null || n.isNull() ? null : new BigDecimal(n.asText()).stripTrailingZeros().setScale(0);
    }

    /** Every institution the counties' ratio counts, with its stored numerator and denominator. */
    Map<String, int[]> countedContributions() {
        Map<String, int[]> counted = new HashMap<>();
        for (String county : codes) {
            counted(county, counted);
        }
        return counted;
    }

    private void counted(String county, Map<String, int[]> counted) {
        String cursor = null;
        do {
            JsonNode page = get(evaluation + "/api/v1/scorecards/" + county + "/indicators/" + RATIO
                    + "/children?year=2024&limit=500" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            for (JsonNode item : page.get("items")) {
                if ("COUNTED".equals(item.path("unitState").asText())) {
                    int[] previous = counted.put(item.get("code").asText(), new int[] {
                            item.get("numerator").decimalValue().intValueExact(),
                            item.get("denominator").decimalValue().intValueExact()});
                    assertThat(previous).as("institution %s listed twice", item.get("code").asText()).isNull();
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
    }

    /** Every report reporting has stored for the counties' 2024, by id, with its current version. */
    Map<String, Integer> storedReportVersions() {
        Map<String, Integer> versions = new HashMap<>();
        for (String county : codes) {
            String cursor = null;
            do {
                JsonNode page = get(stack.url("reporting") + "/api/v1/reports?division=" + county
                        + "&period=2024&limit=500" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
                page.get("items").forEach(r -> assertThat(versions.put(r.get("id").asText(), r.get("version").asInt()))
                        .as("report %s listed twice", r.get("id").asText()).isNull());
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
        }
        return versions;
    }

    /** A GET as the province's administrator, expecting 200. */
    JsonNode get(String url) {
        return Api.get(url, provinceAdmin).expect(200).body();
    }

    private String text(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + provinceAdmin).header("Accept", "text/csv").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void awaitCondition(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + ": " + what);
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

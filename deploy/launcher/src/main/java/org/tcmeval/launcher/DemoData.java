package org.tcmeval.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tcmeval.registry.demo.DemoProvince;

/**
 * Loads the demo data once per data folder, through the public API with demo users' tokens, as a
 * provincial IT team would: the synthetic Guangxi-shaped province (divisions and ~22,000
 * institutions from the registry's seeded generator) by CSV import; then a full 2024 reporting cycle
 * ({@link DemoYear}: every operating institution's annual report and the county and city reports,
 * a few missing) as one bulk report job of the provincial platform, decided by the reviewers (most
 * approved, some returned, the rest awaiting review); and the 2024 annual reports of two township
 * health centres of Yuzhou district (玉州区, 450902) filed by hand by its reporter, TCM physicians
 * 2 of 8 and 1 of 8, which yuzhou-reviewer can still approve or return.
 *
 * <p>{@code TCM_DEMO=false} (or {@code deploy/tcm.sh up --empty}) loads nothing: the suite starts
 * empty, as a production installation does.
 */
final class DemoData {

    /** Township, TCM-category physicians and physicians of the two reporting centres. */
    private static final Map<String, int[]> REPORTS = Map.of("450902100", new int[] {2, 8}, "450902101", new int[] {1, 8});

    private DemoData() {
    }

    static void loadOnce(Stack stack, Path dataDir) {
        Path marker = dataDir.resolve("demo-loaded");
        if (Files.exists(marker)) {
            return;
        }
        Instant begin = Instant.now();
        String registry = stack.url("institution-registry");
        String provinceAdmin = Api.token(stack.keycloakRealmUrl(), "gx-admin", "gx-admin-pass");
        String reporter = Api.token(stack.keycloakRealmUrl(), "yuzhou-reporter", "yuzhou-reporter-pass");
        DemoProvince.Data province = DemoProvince.generate(DemoProvince.DEFAULT_SEED);
        System.out.printf("Loading the demo province: %d divisions, %d institutions ...%n",
                province.divisions().size(), province.institutions().size());
        Api.postCsv(registry + "/api/v1/divisions/import", provinceAdmin, province.divisionsCsv()).expect(200, 201);
        Api.postCsv(registry + "/api/v1/institutions/import", provinceAdmin, province.institutionsCsv()).expect(200, 201);
        openWindow(stack, provinceAdmin, "45", "2024");
        loadYear(stack, province, provinceAdmin);
        REPORTS.forEach((township, figures) -> {
            var page = Api.get(registry + "/api/v1/institutions?type=THC&division=" + township, provinceAdmin).expect(200);
            String id = page.body().get("items").get(0).get("id").asText();
            submitWhenKnown(stack, reporter, Map.of("institutionId", id, "period", "2024",
                    "figures", Map.of("tcmPhysicians", figures[0], "physicians", figures[1])));
        });
        System.out.printf("Demo data loaded in %d s.%n", Duration.between(begin, Instant.now()).toSeconds());
        try {
            Files.writeString(marker, Instant.now().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The year through the bulk job as the platform, then the reviewers' decisions. */
    static void loadYear(Stack stack, DemoProvince.Data province, String provinceAdmin) {
        Instant begin = Instant.now();
        String realm = stack.keycloakRealmUrl();
        String jobs = stack.url("reporting") + "/api/v1/report-jobs";
        DemoYear.Year year = DemoYear.generate(province, DemoProvince.DEFAULT_SEED);
        System.out.printf("Filing the 2024 reports: %d institutions, %d counties, %d cities (%d missing) ...%n",
                year.institutions(), year.counties(), year.cities(), year.missing());
        // Reporting learns the institutions from Kafka; a dry run tells when it knows all of them.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            JsonNode dry = awaitJob(jobs, Api.postJob(jobs + "?dryRun=true", platform(realm), year.csv(),
                    "demo-" + DemoYear.PERIOD + "-dry-" + System.nanoTime()).expect(202).body().get("id").asText(), realm);
            if (dry.get("rowsFailed").asInt() == 0) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                var errors = Api.get(jobs + "/" + dry.get("id").asText() + "/errors", platform(realm)).expect(200).body();
                throw new IllegalStateException(dry.get("rowsFailed").asInt() + " demo rows are refused, e.g. "
                        + errors.get(0));
            }
            sleep(2000);
        }
        String id = Api.postJob(jobs, platform(realm), year.csv(), "demo-" + DemoYear.PERIOD).expect(202).body().get("id")
                .asText();
        JsonNode job = awaitJob(jobs, id, realm);
        if (!"COMPLETED".equals(job.get("state").asText())) {
            throw new IllegalStateException("the demo year's job ended " + job);
        }
        System.out.printf("  %d reports filed by one bulk job in %d ms; deciding on them ...%n",
                job.get("created").asInt(), Duration.between(Instant.parse(job.get("startedAt").asText()),
                        Instant.parse(job.get("finishedAt").asText())).toMillis());
        Map<Integer, JsonNode> byRow = new HashMap<>();
        Api.get(jobs + "/" + id + "/reports", platform(realm)).expect(200).body().forEach(r -> byRow.put(r.get("row")
                .asInt(), r));
        // Institution reports are decided by a county reviewer, county reports by a city admin (gx-reviewer
        // holds both roles for the whole province), city reports by the province admin; nobody decides on
        // what they submitted (the platform submitted all of these).
        String reviewer = Api.token(realm, "gx-reviewer", "gx-reviewer-pass");
        Map<String, List<Map<String, Object>>> batches = new LinkedHashMap<>();
        int[] counts = new int[2];
        for (DemoYear.Row row : year.rows()) {
            JsonNode r = byRow.get(row.row());
            if (r == null || row.decision() == DemoYear.Decision.NONE) {
                continue;
            }
            String who = row.kind() == DemoYear.Kind.CITY ? "admin" : "reviewer";
            batches.computeIfAbsent(who + ":" + row.decision(), k -> new ArrayList<>()).add(Map.of("id",
                    r.get("reportId").asText(), "revision", r.get("revision").asInt()));
            counts[row.decision() == DemoYear.Decision.APPROVE ? 0 : 1]++;
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        batches.forEach((key, items) -> {
            String token = key.startsWith("admin") ? provinceAdmin : reviewer;
            boolean approve = key.endsWith("APPROVE");
            for (int from = 0; from < items.size(); from += 500) {
                List<Map<String, Object>> part = items.subList(from, Math.min(items.size(), from + 500));
                Map<String, Object> body = approve ? Map.of("decision", "APPROVE", "reports", part)
                        : Map.of("decision", "RETURN", "comment", "请核对中医类别医师数与花名册后重新提交", "reports", part);
                calls.add(pool.submit(() -> Api.post(stack.url("reporting") + "/api/v1/report-decisions", token, body)
                        .expect(200)));
            }
        });
        try {
            for (Future<?> f : calls) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("deciding on the demo reports failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        System.out.printf("  %d approved, %d returned, the rest awaiting review (%d s in all).%n", counts[0], counts[1],
                Duration.between(begin, Instant.now()).toSeconds());
    }

    private static String platformToken;
    private static Instant platformTokenAt = Instant.EPOCH;

    /** The provincial platform's token (client credentials), renewed before its 30 minutes run out. */
    static synchronized String platform(String realm) {
        if (Duration.between(platformTokenAt, Instant.now()).toMinutes() >= 20) {
            platformToken = Api.clientToken(realm, "tcm-platform", "platform-secret");
            platformTokenAt = Instant.now();
        }
        return platformToken;
    }

    /** Polls a job until it has finished; answers its final state. */
    static JsonNode awaitJob(String jobs, String id, String realm) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            JsonNode job = Api.get(jobs + "/" + id, platform(realm)).expect(200).body();
            String state = job.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("job " + id + " has not finished: " + job);
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps a period's reporting window open until a year from today, so the demo year can still be
     * filed and corrected whenever the suite is started (its default window closed on 31 March).
     */
    static void openWindow(Stack stack, String provinceAdmin, String province, String period) {
        String url = stack.url("reporting") + "/api/v1/windows/" + province + "/" + period;
        int revision = Api.get(url, provinceAdmin).expect(200).body().get("revision").asInt();
        Api.put(url, provinceAdmin, "\"" + revision + "\"", Map.of("opensOn", (Integer.parseInt(period.substring(0, 4)) + 1)
                + "-01-01", "closesOn", java.time.LocalDate.now().plusYears(1).toString())).expect(200);
    }

    /** Reporting learns new institutions from Kafka; until it has, it answers 422 and the report is retried. */
    static Api.Answer submitWhenKnown(Stack stack, String token, Map<String, Object> report) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            Api.Answer a = Api.post(stack.url("reporting") + "/api/v1/reports", token, report);
            if (a.status() != 422 || Instant.now().isAfter(deadline)) {
                return a.expect(201);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

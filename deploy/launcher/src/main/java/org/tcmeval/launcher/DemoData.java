package org.tcmeval.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.tcmeval.registry.demo.DemoProvince;

/**
 * Loads the demo data once per data folder, through the public API with demo users' tokens, as a
 * provincial IT team would: the synthetic Guangxi-shaped province (divisions and ~22,000
 * institutions from the registry's seeded generator) by CSV import, then the 2024 annual reports of
 * two township health centres of Yuzhou district (玉州区, 450902), so the county's scorecard shows
 * TCM physicians (2 + 1) / (8 + 8) = 18.75% against Guangxi's 25%.
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

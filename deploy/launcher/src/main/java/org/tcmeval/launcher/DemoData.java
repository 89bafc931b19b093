package org.tcmeval.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tcmeval.registry.UnifiedSocialCreditCode;

/**
 * Loads the demo data once per data folder, through the public API with demo users' tokens, so
 * a fresh start shows a populated scorecard.
 */
final class DemoData {

    /** Two township health centres of Yuzhou district (玉州区, 450902) and their 2024 annual figures. */
    record Centre(String name, String township, String uscc, int physicians, int tcmPhysicians) {
    }

    static final List<Centre> YUZHOU = List.of(
            new Centre("玉州区仁东镇卫生院", "450902100", "12450902MB0000001", 8, 2),
            new Centre("玉州区仁厚镇卫生院", "450902101", "12450902MB0000002", 8, 1));

    private DemoData() {
    }

    static void loadOnce(Stack stack, Path dataDir) {
        Path marker = dataDir.resolve("demo-loaded");
        if (Files.exists(marker)) {
            return;
        }
        System.out.println("Loading demo data ...");
        String admin = Api.token(stack.keycloakRealmUrl(), "yulin-admin", "yulin-admin-pass");
        String reporter = Api.token(stack.keycloakRealmUrl(), "yuzhou-reporter", "yuzhou-reporter-pass");
        for (Centre c : YUZHOU) {
            String id = Api.post(stack.url("institution-registry") + "/api/v1/institutions", admin, Map.of(
                            "name", c.name(), "type", "THC", "divisionCode", c.township(),
                            "uscc", c.uscc() + UnifiedSocialCreditCode.checkCharacter(c.uscc()), "openedOn", "1998-06-01"))
                    .expect(201).body().get("id").asText();
            submitWhenKnown(stack, reporter, Map.of("institutionId", id, "period", "2024",
                    "figures", Map.of("physicians", c.physicians(), "tcmPhysicians", c.tcmPhysicians())));
        }
        try {
            Files.writeString(marker, Instant.now().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reporting learns a new institution from Kafka within moments; until then it answers 422. */
    static Api.Answer submitWhenKnown(Stack stack, String token, Map<String, Object> report) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
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

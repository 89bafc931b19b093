package org.tcmeval.registry;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tcmeval.registry.demo.DemoProvince;
import org.tcmeval.testing.TestTokens;

/**
 * What the integration tests share: tokens, fresh identifiers, a direct database connection for
 * assertions, and the demo province, imported once per test JVM through the API. Tests other than
 * the round trip never write divisions under 45 and register their own institutions only in
 * 450902 (玉州区) or 450981 (北流市), so counts taken from the generated files stay exact elsewhere.
 */
final class Fixtures {

    static final String GUANGXI_ADMIN = TestTokens.token("45", "province-admin");
    static final String YULIN_ADMIN = TestTokens.token("4509", "city-admin");
    static final String CSV = "text/csv; charset=UTF-8";

    record Demo(DemoProvince.Data data, Map<String, Object> divisionReport, Map<String, Object> institutionReport,
            double divisionSeconds, double institutionSeconds) {
    }

    private static Demo demo;

    private Fixtures() {
    }

    /** The demo province, imported on first use. */
    static synchronized Demo demo() {
        if (demo == null) {
            DemoProvince.Data data = DemoProvince.generate(DemoProvince.DEFAULT_SEED);
            long t0 = System.nanoTime();
            Map<String, Object> divisions = importCsv("/api/v1/divisions/import", data.divisionsCsv()).then()
                    .statusCode(200).extract().as(Map.class);
            long t1 = System.nanoTime();
            Map<String, Object> institutions = importCsv("/api/v1/institutions/import", data.institutionsCsv()).then()
                    .statusCode(200).extract().as(Map.class);
            long t2 = System.nanoTime();
            demo = new Demo(data, divisions, institutions, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            System.out.printf("demo province import: %d divisions in %.2f s (%.0f rows/s), %d institutions in %.2f s "
                    + "(%.0f rows/s)%n", data.divisions().size(), demo.divisionSeconds(),
                    data.divisions().size() / demo.divisionSeconds(), data.institutions().size(), demo.institutionSeconds(),
                    data.institutions().size() / demo.institutionSeconds());
        }
        return demo;
    }

    static Response importCsv(String path, String csv) {
        return given().auth().oauth2(GUANGXI_ADMIN).contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    static String uscc(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A valid USCC nobody has used yet in this JVM's database ({@code M} never occurs in demo codes). */
    static String freshUscc(String county) {
        return uscc("12" + county + "M" + (char) ('A' + ThreadLocalRandom.current().nextInt(8))
                + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)));
    }

    static Connection jdbc() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}

package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.tcmeval.registry.demo.DemoProvince;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.testing.InfraResource;

/** generate → import → export → compare, for the whole demo province. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DemoProvinceRoundTripTest {

    @Test
    void theDemoProvinceImportsAndExportsUnchanged() throws Exception {
        Fixtures.Demo demo = Fixtures.demo();
        DemoProvince.Data data = demo.data();
        assertThat(demo.divisionReport()).containsEntry("rows", data.divisions().size())
                .containsEntry("created", data.divisions().size()).containsEntry("rejected", 0);
        assertThat(demo.institutionReport()).containsEntry("rows", data.institutions().size())
                .containsEntry("created", data.institutions().size()).containsEntry("rejected", 0);

        // The division tree comes back byte for byte: same rows, same order, same population columns.
        String divisions = new String(given().auth().oauth2(Fixtures.GUANGXI_ADMIN).accept("text/csv")
                .queryParam("root", "45").get("/api/v1/divisions/export")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(divisions).isEqualTo(data.divisionsCsv());

        // Institutions come back with ids, in registration (= file) order; other tests add their own.
        String exported = new String(given().auth().oauth2(Fixtures.GUANGXI_ADMIN).queryParam("division", "45")
                .get("/api/v1/institutions/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        Set<String> generatedKeys = new HashSet<>();
        List<Map<String, String>> generated = rows(data.institutionsCsv());
        generated.forEach(r -> generatedKeys.add(r.get("registrationNumber")));
        List<Map<String, String>> back = new ArrayList<>();
        for (Map<String, String> r : rows(exported)) {
            assertThat(r.get("id")).isNotEmpty();
            if (generatedKeys.contains(r.get("registrationNumber"))) {
                r.put("id", "");
                back.add(r);
            }
        }
        assertThat(back).isEqualTo(generated);

        // Importing the exports again changes nothing.
        Fixtures.importCsv("/api/v1/divisions/import", divisions).then().statusCode(200)
                .body("created", org.hamcrest.Matchers.equalTo(0)).body("updated", org.hamcrest.Matchers.equalTo(0))
                .body("unchanged", org.hamcrest.Matchers.equalTo(data.divisions().size()));
        Fixtures.importCsv("/api/v1/institutions/import", data.institutionsCsv()).then().statusCode(200)
                .body("created", org.hamcrest.Matchers.equalTo(0)).body("updated", org.hamcrest.Matchers.equalTo(0))
                .body("unchanged", org.hamcrest.Matchers.equalTo(data.institutions().size()));
    }

    static List<Map<String, String>> rows(String csv) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            rows.add(new java.util.LinkedHashMap<>(r.toMap()));
        }
        assertThat(rows).isNotEmpty();
        assertThat(csv).startsWith(String.join(",", InstitutionCsv.COLUMNS).substring(0, 2));
        return rows;
    }
}

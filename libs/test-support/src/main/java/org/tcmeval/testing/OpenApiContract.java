package org.tcmeval.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Keeps {@code openapi/<service>.yaml} equal to what the service really serves. Dashboard vendors
 * read the committed file, so a change to the API that does not update it fails the build.
 * Refresh with {@code -Dtcm.openapi.update=true}.
 */
public final class OpenApiContract {

    public static final String UPDATE_PROPERTY = "tcm.openapi.update";

    private OpenApiContract() {
    }

    /** Call from a {@code @QuarkusTest} of the service. */
    public static void assertCommittedSpecIsCurrent(String service) {
        String served = given().accept("application/yaml").queryParam("format", "yaml")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        Path committed = projectRoot().resolve("openapi").resolve(service + ".yaml");
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, served, StandardCharsets.UTF_8);
                return;
            }
            String current = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
            if (!current.equals(served)) {
                throw new AssertionFailedError("openapi/" + service + ".yaml is out of date with the code; refresh it with "
                        + "`deploy/tcm.sh test -pl services/" + service + " -am -D" + UPDATE_PROPERTY + "=true` and commit it",
                        current, served);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder holding the root pom.xml and openapi/, found from the module's working directory. */
    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("openapi")) && Files.isDirectory(p.resolve("services"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the project root (a folder with openapi/ and services/)");
    }
}

package org.tcmeval.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URL;

/**
 * Requests to a service's management interface (health, metrics), which listens on a port of its own.
 * A test injects its address with {@code @TestHTTPResource(value = "/", management = true) URL management}
 * and asks for full paths such as {@code /q/health/ready}.
 */
public final class Management {

    private Management() {
    }

    public static RequestSpecification given(URL management) {
        // The injected URL already carries the management root path (/q/); requests name it themselves.
        return RestAssured.given().baseUri(management.getProtocol() + "://" + management.getHost() + ":"
                + management.getPort());
    }
}

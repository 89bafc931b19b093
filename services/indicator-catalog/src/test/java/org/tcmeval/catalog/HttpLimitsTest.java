package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;

/**
 * The HTTP layer's own refusals are problems too, over real connections: a request line over 4,096
 * bytes (414), header fields over 20,480 bytes (431), and a chunked body over the service's body
 * limit (the catalog's default 10,240 KB), which is refused while it is still arriving.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class HttpLimitsTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    static JsonNode problem(HttpResponse<String> r, int status, String type) throws IOException {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body;
    }

    @Test
    void aRequestLineOverTheLimitIs414() throws Exception {
        // "GET " (4) + "/api/v1/indicators?q=" (21) + 4,100 x + " HTTP/1.1" (9) = 4,134 bytes > 4,096.
        String uri = root.toString().replaceAll("/$", "") + "/api/v1/indicators?q=" + "x".repeat(4100);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = problem(r, 414, "uri-too-long");
        assertThat(body.get("detail").asText()).isEqualTo("the request line has 4134 bytes; this service reads at most 4096");
        // The path is quoted, the query (what made it long) is not.
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/indicators");
    }

    @Test
    void headerFieldsOverTheLimitAre431() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(root + "api/v1/indicators"))
                .header("X-Padding", "p".repeat(21_000)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = problem(r, 431, "headers-too-large");
        assertThat(body.get("detail").asText()).startsWith("the header fields have ")
                .endsWith(" bytes; this service reads at most 20480");
        // Just under the limit is read as usual (no token: 401).
        HttpResponse<String> fine = HTTP.send(HttpRequest.newBuilder(URI.create(root + "api/v1/indicators"))
                .header("X-Padding", "p".repeat(19_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fine.statusCode()).isEqualTo(401);
    }

    /**
     * 11 MB of chunks and never the last chunk: were the body buffered to its end first, no answer could
     * come. The answer comes once 10,240 KB (10,485,760 bytes) have passed, and the connection is closed.
     */
    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileArriving() throws Exception {
        assertThat(chunkedWithoutEnd("/api/v1/profiles", 11 * 1024 * 1024)).startsWith("HTTP/1.1 413 ")
                .contains("application/problem+json").contains("\"type\":\"/problems/payload-too-large\"")
                .contains("the chunked body passed 10485760 bytes, the most this operation accepts");
    }

    /** A technique list may have 1 MB (tcm.catalog.techniques.max-upload-bytes): its chunked upload stops there. */
    @Test
    void aChunkedUploadStopsAtItsOperationsOwnLimit() throws Exception {
        assertThat(chunkedWithoutEnd("/api/v1/techniques/lists/45/import", 2 * 1024 * 1024)).startsWith("HTTP/1.1 413 ")
                .contains("\"type\":\"/problems/payload-too-large\"")
                .contains("the chunked body passed 1048576 bytes, the most this operation accepts");
    }

    /** Sends {@code bytes} of chunks to {@code path} without the last chunk; answers what the service said. */
    String chunkedWithoutEnd(String path, int bytes) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            // The answer is read while the body is still being written: once the service closes the
            // connection on the unread rest, a reset may follow that would discard an answer read later.
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    socket.getInputStream().transferTo(answer);
                } catch (IOException resetAfterTheAnswer) {
                    // what was read before the reset is the answer
                }
            });
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nContent-Type: text/csv"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedByTheService) {
                // expected once the service has answered and closed the connection
            }
            assertThat(reader.join(Duration.ofSeconds(30))).as("the service answered and closed").isTrue();
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** A chunked body within the limit reaches the resource whole: here its unknown field is named. */
    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        // Padding makes it several chunks; ofInputStream has no length, so the client sends it chunked.
        byte[] json = ("{\"id\":\"chunked-test\"," + " ".repeat(200_000) + "\"noSuchField\":1}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(root + "api/v1/profiles"))
                .header("Authorization", "Bearer " + Api.GUANGXI_ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = problem(r, 400, "malformed-body");
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("noSuchField");
        assertThat(body.get("errors").get(0).get("rule").asText()).isEqualTo("unknown-field");
    }
}

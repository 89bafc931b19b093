package org.tcmeval.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small JSON-over-HTTP client for loading demo data, as a regional IT script would. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An HTTP answer: status and parsed JSON body (null when empty). */
    public record Answer(int status, JsonNode body) {
        public Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("unexpected HTTP " + status + ": " + body);
        }
    }

    private Api() {
    }

    /** An access token from Keycloak by the password grant of the public {@code tcm-cli} client. */
    public static String token(String realmUrl, String user, String password) {
        String form = Map.of("grant_type", "password", "client_id", "tcm-cli", "username", user, "password", password)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(req).expect(200).body().get("access_token").asText();
    }

    /** An access token of a confidential client by the client-credentials grant (the platform's). */
    public static String clientToken(String realmUrl, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(req).expect(200).body().get("access_token").asText();
    }

    /** Uploads a bulk report job (CSV, UTF-8) with an Idempotency-Key, so a retried load starts no second job. */
    public static Answer postJob(String url, String token, String csv, String idempotencyKey) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    public static Answer post(String url, String token, Object body) {
        return send(json(url, token).POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    /** Uploads a CSV file (UTF-8) as the registry's import endpoints take it. */
    public static Answer postCsv(String url, String token, String csv) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    public static Answer put(String url, String token, Object body) {
        return send(json(url, token).PUT(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    /** A PUT that names the revision it changes, as every update of the suite requires. */
    public static Answer put(String url, String token, String ifMatch, Object body) {
        return send(json(url, token).header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(write(body)))
                .build());
    }

    public static Answer get(String url, String token) {
        return send(json(url, token).GET().build());
    }

    private static HttpRequest.Builder json(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static Answer send(HttpRequest req) {
        try {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

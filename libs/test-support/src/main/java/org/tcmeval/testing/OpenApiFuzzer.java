package org.tcmeval.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * Sends seeded bad requests, generated from a committed {@code openapi/<service>.yaml}, to every
 * write operation (POST, PUT, PATCH, DELETE) of the running {@code @QuarkusTest} app, and demands
 * of every answer: no 5xx, and every 4xx an RFC 9457 {@code application/problem+json} body with
 * {@code type}, {@code title} and {@code status} (equal to the HTTP status).
 *
 * <p>What it sends, per operation: each body property with every wrong JSON type, {@code null},
 * left out, numbers beyond maximum / 1e400 / negative / fractional, strings beyond maxLength and
 * of 100 KB, NUL and lone-surrogate characters, values outside an enum or format; unknown and
 * duplicate keys, empty, truncated, non-object and deeply nested bodies, wrong Content-Type; bad
 * path ids (%00, 200 characters, not a UUID); missing and garbled If-Match / Idempotency-Key;
 * bad query values. Then seeded random pairs of those until the operation has its share of the
 * minimum. The seed is fixed ({@link #DEFAULT_SEED}, or {@code -Dtcm.fuzz.seed=}) and printed, so
 * a run is repeated exactly.
 *
 * <p>Known failures (operation id, or {@code operationId mutation-name}) are printed and not
 * failed on; each must carry its reason where it is declared.
 */
public final class OpenApiFuzzer {

    public static final long DEFAULT_SEED = 20261130L;
    public static final String SEED_PROPERTY = "tcm.fuzz.seed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String RAW = "@@RAW@@";
    private static final String HUNDRED_KB = "a".repeat(100 * 1024);

    private final String service;
    private final JsonNode spec;
    private String token;
    private int minimumRequests = 250;
    private Map<String, String> knownFailures = Map.of();
    private final long seed;
    private int lastStatus;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String> headerValues = new LinkedHashMap<>();

    private OpenApiFuzzer(String service, JsonNode spec) {
        this.service = service;
        this.spec = spec;
        this.seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    /** The fuzzer for {@code openapi/<service>.yaml}. */
    public static OpenApiFuzzer forService(String service) {
        Path file = OpenApiContract.projectRoot().resolve("openapi").resolve(service + ".yaml");
        try {
            return new OpenApiFuzzer(service, new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bearer token every request carries: one whose roles may write to this service. */
    public OpenApiFuzzer withToken(String bearer) {
        this.token = bearer;
        return this;
    }

    /**
     * The base value of a path parameter wherever the spec names it (e.g. the id of a resource the
     * test made, so that body mutations reach an existing resource rather than stopping at 404).
     */
    public OpenApiFuzzer withPathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** The base value of a header (e.g. {@code If-Match} with the ETag of that resource). */
    public OpenApiFuzzer withHeader(String name, String value) {
        headerValues.put(name, value);
        return this;
    }

    public OpenApiFuzzer atLeast(int requests) {
        this.minimumRequests = requests;
        return this;
    }

    /** Operation ids (or "operationId mutation") not failed on, each mapped to why. */
    public OpenApiFuzzer knownFailures(Map<String, String> reasons) {
        this.knownFailures = reasons;
        return this;
    }

    /** Sends everything; returns how many requests were sent. Fails listing every bad answer. */
    public int run() {
        Random random = new Random(seed);
        System.out.printf("OpenApiFuzzer %s: seed %d (-D%s=%d repeats this run)%n", service, seed, SEED_PROPERTY, seed);
        List<Operation> ops = writeOperations();
        if (ops.isEmpty()) {
            throw new IllegalStateException("openapi/" + service + ".yaml has no write operations");
        }
        int share = (minimumRequests + ops.size() - 1) / ops.size();
        List<String> failures = new ArrayList<>();
        List<String> known = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (Operation op : ops) {
            List<Mutation> systematic = mutations(op);
            List<Mutation> all = new ArrayList<>(systematic);
            while (all.size() < share) {
                Mutation a = systematic.get(random.nextInt(systematic.size()));
                Mutation b = systematic.get(random.nextInt(systematic.size()));
                all.add(new Mutation(a.name + " + " + b.name, r -> {
                    a.change.accept(r);
                    b.change.accept(r);
                }));
            }
            int opSent = 0;
            for (Mutation m : all) {
                Request r = op.baseRequest(random);
                m.change.accept(r);
                String problem = send(r, statuses);
                if (problem == null && lastStatus < 300) {
                    System.out.printf("OpenApiFuzzer %s: accepted (%d) %s [%s]%n", service, lastStatus, op.id, m.name);
                }
                sent++;
                opSent++;
                if (problem != null) {
                    String line = op.id + " [" + m.name + "] " + r.method + " " + r.describePath() + ": " + problem;
                    String reason = knownFailures.getOrDefault(op.id + " " + m.name, knownFailures.get(op.id));
                    (reason == null ? failures : known).add(reason == null ? line : line + "  (known: " + reason + ")");
                }
            }
            System.out.printf("OpenApiFuzzer %s: %s %s %s: %d requests%n", service, op.id, op.method, op.path, opSent);
        }
        System.out.printf("OpenApiFuzzer %s: %d requests, statuses %s, %d failures, %d known failures%n", service, sent,
                statuses, failures.size(), known.size());
        known.forEach(k -> System.out.println("  known failure: " + k));
        if (!failures.isEmpty()) {
            throw new AssertionFailedError("OpenApiFuzzer " + service + " (seed " + seed + "): " + failures.size()
                    + " of " + sent + " answers were a 5xx or not a problem:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(60, failures.size()))));
        }
        if (sent < minimumRequests) {
            throw new AssertionFailedError("only " + sent + " requests sent, fewer than " + minimumRequests);
        }
        return sent;
    }

    // ----- sending and judging

    private String send(Request r, Map<Integer, Integer> statuses) {
        RequestSpecification s = given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (token != null) {
            s.header("Authorization", "Bearer " + token);
        }
        r.headers.forEach(s::header);
        if (r.contentType != null) {
            s.contentType(r.contentType);
        }
        if (r.body != null && r.contentType != null && r.contentType.contains("form-urlencoded")) {
            s.body(new String(r.body, StandardCharsets.ISO_8859_1)); // REST Assured form-encodes Strings only
        } else if (r.body != null) {
            s.body(r.body);
        }
        StringBuilder url = new StringBuilder(r.resolvedPath());
        char sep = '?';
        for (Map.Entry<String, String> q : r.query.entrySet()) {
            url.append(sep).append(q.getKey()).append('=').append(q.getValue());
            sep = '&';
        }
        Response answer;
        try {
            answer = s.request(r.method, url.toString());
        } catch (RuntimeException e) {
            return "no answer: " + e;
        }
        int status = answer.statusCode();
        lastStatus = status;
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            return status + " " + brief(answer.asString());
        }
        if (status >= 400) {
            String ct = answer.contentType();
            if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                return status + " with Content-Type " + ct + ": " + brief(answer.asString());
            }
            try {
                JsonNode p = JSON.readTree(answer.asByteArray());
                if (p == null || !p.isObject() || !p.hasNonNull("type") || !p.hasNonNull("title") || !p.hasNonNull("status")) {
                    return status + " problem without type/title/status: " + brief(answer.asString());
                }
                if (p.get("status").asInt() != status) {
                    return status + " problem whose status is " + p.get("status");
                }
            } catch (IOException e) {
                return status + " problem body is not JSON: " + brief(answer.asString());
            }
        }
        return null;
    }

    private static String brief(String s) {
        s = s.replace('\n', ' ');
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    // ----- the spec

    private List<Operation> writeOperations() {
        List<Operation> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode o = p.getValue().get(method);
                if (o != null) {
                    ops.add(new Operation(p.getKey(), method.toUpperCase(Locale.ROOT), o, p.getValue().path("parameters")));
                }
            }
        }
        return ops;
    }

    private JsonNode resolve(JsonNode schema) {
        int guard = 0;
        while (schema != null && schema.has("$ref") && guard++ < 20) {
            String ref = schema.get("$ref").asText();
            JsonNode target = spec.at(ref.substring(1));
            if (target.isMissingNode()) {
                return F.objectNode();
            }
            if (schema.size() > 1) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                schema.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                merged.remove("$ref");
                merged.setAll(target.has("$ref") ? F.objectNode().put("$ref", target.get("$ref").asText()) : F.objectNode());
                schema = merged;
            } else {
                schema = target;
            }
        }
        if (schema != null && schema.has("allOf")) {
            ObjectNode merged = F.objectNode();
            ObjectNode props = F.objectNode();
            ArrayNode required = F.arrayNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode r = resolve(part);
                merged.setAll((ObjectNode) r.deepCopy());
                if (r.has("properties")) {
                    props.setAll((ObjectNode) r.get("properties"));
                }
                if (r.has("required")) {
                    required.addAll((ArrayNode) r.get("required"));
                }
            }
            merged.set("properties", props);
            merged.set("required", required);
            merged.put("type", "object");
            return merged;
        }
        return schema == null ? F.objectNode() : schema;
    }

    private static String type(JsonNode s) {
        JsonNode t = s.get("type");
        if (t == null) {
            return s.has("properties") ? "object" : s.has("enum") ? "string" : "";
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asText().equals("null")) {
                    return x.asText();
                }
            }
            return "";
        }
        return t.asText();
    }

    /** A plausible value for the schema, preferring its examples. */
    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("examples") && s.get("examples").isArray() && !s.get("examples").isEmpty()) {
            return s.get("examples").get(0);
        }
        for (String k : List.of("example", "default", "const")) {
            if (s.has(k)) {
                return s.get(k);
            }
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(0);
        }
        String format = s.path("format").asText();
        switch (type(s)) {
            case "object": {
                ObjectNode o = F.objectNode();
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(e -> o.set(e.getKey(), sample(e.getValue(), depth + 1)));
                }
                return o;
            }
            case "array": {
                ArrayNode a = F.arrayNode();
                if (depth < 4 && s.has("items")) {
                    a.add(sample(s.get("items"), depth + 1));
                }
                return a;
            }
            case "integer":
                return F.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1);
            case "number":
                return F.numberNode(s.has("minimum") ? s.get("minimum").asDouble() : 1.5);
            case "boolean":
                return F.booleanNode(true);
            default:
                return F.textNode(switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2025-01-01";
                    case "date-time" -> "2025-01-01T00:00:00Z";
                    default -> "fuzz";
                });
        }
    }

    // ----- requests and mutations

    private static final class Request {
        final String method;
        final String path;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        /** The JSON body before serialisation; raw replaces the placeholder text when set. */
        JsonNode json;
        String raw;
        byte[] body;

        Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        String resolvedPath() {
            String p = path;
            for (Map.Entry<String, String> e : pathValues.entrySet()) {
                p = p.replace("{" + e.getKey() + "}", e.getValue());
            }
            return p;
        }

        String describePath() {
            String p = resolvedPath();
            return p.length() > 120 ? p.substring(0, 120) + "…" : p;
        }

        /** Serialises the JSON tree into the body (after the tree has been changed). */
        void writeJson() {
            try {
                String text = JSON.writeValueAsString(json);
                if (raw != null) {
                    text = text.replace("\"" + RAW + "\"", raw);
                }
                body = text.getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Mutation(String name, Consumer<Request> change) {
    }

    private final class Operation {
        final String path;
        final String method;
        final String id;
        final List<JsonNode> parameters = new ArrayList<>();
        final String mediaType;
        final JsonNode bodySchema;
        final JsonNode bodyExample;

        Operation(String path, String method, JsonNode o, JsonNode pathLevelParameters) {
            this.path = path;
            this.method = method;
            this.id = o.path("operationId").asText(method + " " + path);
            pathLevelParameters.forEach(parameters::add);
            o.path("parameters").forEach(p -> parameters.add(resolve(p)));
            JsonNode content = resolve(o.path("requestBody")).path("content");
            Iterator<String> types = content.fieldNames();
            this.mediaType = types.hasNext() ? types.next() : null;
            JsonNode media = mediaType == null ? F.objectNode() : content.get(mediaType);
            this.bodySchema = media.has("schema") ? resolve(media.get("schema")) : null;
            JsonNode example = null;
            if (media.has("example")) {
                example = media.get("example");
            } else if (media.has("examples") && media.get("examples").size() > 0) {
                example = media.get("examples").elements().next().path("value");
            }
            this.bodyExample = example;
        }

        boolean jsonBody() {
            return mediaType != null && mediaType.contains("json");
        }

        Request baseRequest(Random random) {
            Request r = new Request(method, path);
            for (JsonNode p : parameters) {
                String name = p.path("name").asText();
                JsonNode schema = resolve(p.path("schema"));
                switch (p.path("in").asText()) {
                    case "path" -> r.pathValues.put(name, pathValues.containsKey(name) ? pathValues.get(name)
                            : "uuid".equals(schema.path("format").asText())
                            ? new UUID(random.nextLong(), random.nextLong()).toString() : "zz-fuzz");
                    case "query" -> {
                        if (p.path("required").asBoolean()) {
                            r.query.put(name, enc(sample(schema, 0).asText()));
                        }
                    }
                    case "header" -> {
                        if (headerValues.containsKey(name)) {
                            r.headers.put(name, headerValues.get(name));
                        } else if (name.equalsIgnoreCase("If-Match")) {
                            r.headers.put(name, "\"0\"");
                        } else if (name.equalsIgnoreCase("Idempotency-Key")) {
                            r.headers.put(name, new UUID(random.nextLong(), random.nextLong()).toString());
                        }
                    }
                    default -> {
                    }
                }
            }
            if (mediaType != null) {
                r.contentType = mediaType;
                if (jsonBody()) {
                    r.json = bodyExample != null ? bodyExample.deepCopy() : sample(bodySchema, 0);
                    r.writeJson();
                } else {
                    r.body = "code,name\n450921,容县\n".getBytes(StandardCharsets.UTF_8);
                }
            }
            return r;
        }

        private JsonNode properties() {
            return bodySchema == null ? F.objectNode() : bodySchema.path("properties");
        }

        List<Mutation> mutations() {
            List<Mutation> m = new ArrayList<>();
            // Path ids.
            for (JsonNode p : parameters) {
                String name = p.path("name").asText();
                String in = p.path("in").asText();
                if (in.equals("path")) {
                    for (Map.Entry<String, String> bad : Map.of("nul", "%00", "200-chars", "a".repeat(200), "not-a-uuid",
                            "not-a-uuid", "unicode", enc("容县"), "space", "%20", "dots", "..", "nul-in-middle", "ab%00cd",
                            "control", "%01%1F").entrySet()) {
                        m.add(new Mutation("path " + name + " " + bad.getKey(), r -> r.pathValues.put(name, bad.getValue())));
                    }
                } else if (in.equals("query")) {
                    for (Map.Entry<String, String> bad : Map.of("text", "abc", "empty", "", "nul", "%00", "1e400", "1e400",
                            "200-chars", "9".repeat(200), "negative", "-1", "huge-int", "99999999999999999999").entrySet()) {
                        m.add(new Mutation("query " + name + " " + bad.getKey(), r -> r.query.put(name, bad.getValue())));
                    }
                    m.add(new Mutation("query " + name + " missing", r -> r.query.remove(name)));
                    m.add(new Mutation("query " + name + " twice", r -> r.query.put(name + "=1&" + name, "2")));
                }
            }
            // Conditional and idempotency headers (garbled on every write, whether declared or not).
            Map<String, String> badIfMatch = new LinkedHashMap<>();
            badIfMatch.put("garbage", "garbage");
            badIfMatch.put("lone-quote", "\"");
            badIfMatch.put("weak", "W/\"0\"");
            badIfMatch.put("star", "*");
            badIfMatch.put("200-chars", "\"" + "9".repeat(200) + "\"");
            badIfMatch.put("overflow", "\"99999999999999999999\"");
            badIfMatch.put("negative", "\"-1\"");
            badIfMatch.put("list", "\"0\", \"1\"");
            badIfMatch.put("empty", "");
            badIfMatch.forEach((k, v) -> m.add(new Mutation("If-Match " + k, r -> r.headers.put("If-Match", v))));
            m.add(new Mutation("If-Match missing", r -> r.headers.remove("If-Match")));
            Map<String, String> badKeys = new LinkedHashMap<>();
            badKeys.put("empty", "");
            badKeys.put("200-chars", "k".repeat(200));
            badKeys.put("space", "a key");
            badKeys.put("quotes", "\"\"");
            badKeys.forEach((k, v) -> m.add(new Mutation("Idempotency-Key " + k, r -> r.headers.put("Idempotency-Key", v))));
            m.add(new Mutation("Idempotency-Key missing", r -> r.headers.remove("Idempotency-Key")));
            // Whole bodies.
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("empty", "");
            bodies.put("truncated", "{\"a\":");
            bodies.put("lone-brace", "{");
            bodies.put("array", "[]");
            bodies.put("null", "null");
            bodies.put("string", "\"x\"");
            bodies.put("number", "123");
            bodies.put("1e400", "1e400");
            bodies.put("deep-nesting", "[".repeat(5000) + "]".repeat(5000));
            bodies.put("deep-object", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
            bodies.put("nul-byte", "{\"a\":\"\u0000\"}\u0000");
            bodies.put("trailing-garbage", "{} x");
            bodies.put("comment", "/* c */ {}");
            bodies.put("single-quotes", "{'a':'b'}");
            bodies.put("100kb-garbage", HUNDRED_KB);
            bodies.forEach((k, v) -> m.add(new Mutation("body " + k, r -> {
                r.contentType = r.contentType == null ? "application/json" : r.contentType;
                r.body = v.getBytes(StandardCharsets.UTF_8);
            })));
            m.add(new Mutation("body invalid-utf8", r -> {
                r.contentType = r.contentType == null ? "application/json" : r.contentType;
                r.body = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0,
                        (byte) 0x80, '"', '}'};
            }));
            m.add(new Mutation("body utf16", r -> {
                r.contentType = r.contentType == null ? "application/json" : r.contentType;
                r.body = new String(r.body == null ? "{}".getBytes(StandardCharsets.UTF_8) : r.body, StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_16);
            }));
            for (String ct : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data", "application/json; charset=ebcdic", "garbage", "application/octet-stream",
                    "text/csv", "application/json")) {
                m.add(new Mutation("Content-Type " + ct, r -> {
                    r.contentType = ct;
                    if (r.body == null) {
                        r.body = "{}".getBytes(StandardCharsets.UTF_8);
                    }
                }));
            }
            if (mediaType != null && !jsonBody()) {
                m.addAll(csvMutations());
            }
            if (jsonBody() && bodySchema != null) {
                m.addAll(jsonMutations());
            }
            return m;
        }

        private List<Mutation> csvMutations() {
            List<Mutation> m = new ArrayList<>();
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("unbalanced-quote", "code,name\n\"450921,容县\n");
            bodies.put("nul", "code,name\n4509\u000021,容\u0000县\n");
            bodies.put("long-line", "code,name\n" + HUNDRED_KB + "," + HUNDRED_KB + "\n");
            bodies.put("many-columns", ",".repeat(20_000) + "\n");
            bodies.put("bom-only", "\uFEFF");
            bodies.put("header-only", "code,name\n");
            bodies.put("lone-surrogate", "code,name\n450921,\uD800x\n");
            bodies.put("json", "{\"code\":\"450921\"}");
            bodies.forEach((k, v) -> m.add(new Mutation("csv " + k, r -> r.body = v.getBytes(StandardCharsets.UTF_8))));
            return m;
        }

        private List<Mutation> jsonMutations() {
            List<Mutation> m = new ArrayList<>();
            List<String> required = new ArrayList<>();
            bodySchema.path("required").forEach(x -> required.add(x.asText()));
            m.add(new Mutation("unknown property", r -> objectBody(r, o -> o.put("noSuchProperty" + r.method.length(), "x"))));
            m.add(new Mutation("empty object", r -> objectBody(r, ObjectNode::removeAll)));
            m.add(new Mutation("duplicate key", r -> {
                r.writeJson();
                String text = new String(r.body, StandardCharsets.UTF_8);
                Iterator<String> names = r.json.fieldNames();
                if (text.startsWith("{") && names.hasNext()) {
                    text = "{\"" + names.next() + "\":\"duplicate\"," + text.substring(1);
                }
                r.body = text.getBytes(StandardCharsets.UTF_8);
            }));
            m.add(new Mutation("all required missing", r -> objectBody(r, o -> required.forEach(o::remove))));
            properties().fields().forEachRemaining(e -> {
                String name = e.getKey();
                JsonNode schema = resolve(e.getValue());
                String type = type(schema);
                Map<String, JsonNode> wrong = new LinkedHashMap<>();
                wrong.put("string", F.textNode("x"));
                wrong.put("number", F.numberNode(12345));
                wrong.put("boolean", F.booleanNode(true));
                wrong.put("array", F.arrayNode().add(1));
                wrong.put("object", F.objectNode().put("a", 1));
                wrong.forEach((k, v) -> {
                    if (!k.equals(type) && !(k.equals("number") && type.equals("integer"))) {
                        m.add(new Mutation(name + " as " + k, r -> objectBody(r, o -> o.set(name, v))));
                    }
                });
                m.add(new Mutation(name + " null", r -> objectBody(r, o -> o.putNull(name))));
                m.add(new Mutation(name + " missing", r -> objectBody(r, o -> o.remove(name))));
                if (type.equals("integer") || type.equals("number")) {
                    long max = schema.has("maximum") ? schema.get("maximum").asLong() : Integer.MAX_VALUE;
                    raw(m, name, "above-maximum", Long.toString(max == Long.MAX_VALUE ? max : max + 1));
                    raw(m, name, "1e400", "1e400");
                    raw(m, name, "-1e400", "-1e400");
                    raw(m, name, "1E+1000000", "1E+1000000");
                    raw(m, name, "negative", "-1");
                    raw(m, name, "fraction", "0.5");
                    raw(m, name, "long-overflow", "99999999999999999999999");
                    raw(m, name, "many-digits", "1." + "1".repeat(5000));
                    raw(m, name, "string-number", "\"12\"");
                }
                if (type.equals("string") || type.isEmpty()) {
                    int maxLength = schema.has("maxLength") ? schema.get("maxLength").asInt() : 255;
                    m.add(new Mutation(name + " beyond maxLength", r -> objectBody(r, o -> o.put(name, "x".repeat(maxLength + 1)))));
                    m.add(new Mutation(name + " 100 KB", r -> objectBody(r, o -> o.put(name, HUNDRED_KB))));
                    m.add(new Mutation(name + " NUL", r -> objectBody(r, o -> o.put(name, "a\u0000b"))));
                    raw(m, name, "lone surrogate", "\"a\\uD800b\"");
                    raw(m, name, "reversed surrogates", "\"\\uDC00\\uD800\"");
                    m.add(new Mutation(name + " empty", r -> objectBody(r, o -> o.put(name, ""))));
                    m.add(new Mutation(name + " blank", r -> objectBody(r, o -> o.put(name, " \t\n"))));
                    m.add(new Mutation(name + " control", r -> objectBody(r, o -> o.put(name, "a\u001b[2Jb\u2028"))));
                    if (schema.has("enum")) {
                        m.add(new Mutation(name + " not in enum", r -> objectBody(r, o -> o.put(name, "NOT_A_VALUE"))));
                        m.add(new Mutation(name + " enum lower-case", r -> objectBody(r, o -> o.put(name,
                                schema.get("enum").get(0).asText().toLowerCase(Locale.ROOT)))));
                    }
                    String format = schema.path("format").asText();
                    if (!format.isEmpty() || name.toLowerCase(Locale.ROOT).endsWith("on")) {
                        for (String bad : List.of("2025-13-45", "not-a-date", "0000-00-00", "+999999999-12-31", "2025-02-29",
                                "not-a-uuid", "00000000-0000-0000-0000-00000000000g")) {
                            m.add(new Mutation(name + " format " + bad, r -> objectBody(r, o -> o.put(name, bad))));
                        }
                    }
                }
                if (type.equals("array")) {
                    m.add(new Mutation(name + " [null]", r -> objectBody(r, o -> o.set(name, F.arrayNode().addNull()))));
                    m.add(new Mutation(name + " 10000 items", r -> objectBody(r, o -> {
                        ArrayNode a = o.putArray(name);
                        for (int i = 0; i < 10_000; i++) {
                            a.add("x" + i);
                        }
                    })));
                    m.add(new Mutation(name + " nested arrays", r -> objectBody(r, o -> o.set(name,
                            F.arrayNode().add(F.arrayNode().add(F.arrayNode()))))));
                }
                nested(m, name, schema, type);
                if (type.equals("object")) {
                    m.add(new Mutation(name + " object of nulls", r -> objectBody(r, o -> o.set(name,
                            F.objectNode().putNull("a").putNull("2025")))));
                    m.add(new Mutation(name + " object of strings", r -> objectBody(r, o -> o.set(name,
                            F.objectNode().put("2025", "x").put("", "y")))));
                }
            });
            return m;
        }

        /**
         * One level down: the properties of an object property, or of the first element of an array
         * of objects ({@code targets[0].threshold}), each null, missing, of a wrong type, or hostile.
         */
        private void nested(List<Mutation> m, String name, JsonNode schema, String type) {
            boolean array = type.equals("array");
            JsonNode inner = resolve(array ? schema.path("items") : schema);
            if (!inner.has("properties") || !(array || type.equals("object"))) {
                return;
            }
            String at = array ? name + "[0]" : name;
            inner.path("properties").fields().forEachRemaining(e -> {
                String field = e.getKey();
                String fieldType = type(resolve(e.getValue()));
                Map<String, JsonNode> values = new LinkedHashMap<>();
                values.put("null", F.nullNode());
                values.put(fieldType.equals("string") ? "as number" : "as string",
                        fieldType.equals("string") ? F.numberNode(7) : F.textNode("x"));
                values.put("as object", F.objectNode().put("a", 1));
                values.put("as array", F.arrayNode().add("x"));
                if (fieldType.equals("string") || fieldType.isEmpty()) {
                    values.put("NUL", F.textNode("a\u0000b"));
                    values.put("100 KB", F.textNode(HUNDRED_KB));
                }
                values.forEach((label, v) -> m.add(new Mutation(at + "." + field + " " + label,
                        r -> objectBody(r, o -> element(o, name, array).set(field, v)))));
                m.add(new Mutation(at + "." + field + " missing", r -> objectBody(r, o -> element(o, name, array).remove(field))));
                if (fieldType.equals("integer") || fieldType.equals("number")) {
                    for (String rawText : List.of("1e400", "-1", "99999999999999999999999")) {
                        m.add(new Mutation(at + "." + field + " " + rawText, r -> {
                            objectBody(r, o -> element(o, name, array).put(field, RAW));
                            r.raw = rawText;
                            r.writeJson();
                        }));
                    }
                }
            });
        }

        private void raw(List<Mutation> m, String name, String label, String rawText) {
            m.add(new Mutation(name + " " + label, r -> {
                objectBody(r, o -> o.put(name, RAW));
                r.raw = rawText;
                r.writeJson();
            }));
        }
    }

    private static void objectBody(Request r, Consumer<ObjectNode> change) {
        if (r.json == null || !r.json.isObject()) {
            r.json = F.objectNode();
            r.contentType = r.contentType == null ? "application/json" : r.contentType;
        }
        change.accept((ObjectNode) r.json);
        r.writeJson();
    }

    /** The object at {@code o.name} (or its first element), made so when the body lacks it. */
    private static ObjectNode element(ObjectNode o, String name, boolean array) {
        if (array) {
            JsonNode a = o.get(name);
            ArrayNode list = a instanceof ArrayNode an ? an : o.putArray(name);
            if (list.isEmpty() || !list.get(0).isObject()) {
                list.insertObject(0);
            }
            return (ObjectNode) list.get(0);
        }
        JsonNode v = o.get(name);
        return v instanceof ObjectNode on ? on : o.putObject(name);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<Mutation> mutations(Operation op) {
        return op.mutations();
    }
}

package org.tcmeval.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.tcmeval.registry.UnifiedSocialCreditCode;

/**
 * Checks docs/roles.md against the running suite: every operation of the committed OpenAPI specs,
 * called as every matrix user (real Keycloak tokens of the realm's users), against a division in each
 * relation to the user's own (own, child, parent, sibling, foreign). The expected outcome of a call is
 * read from the table (the one source); the actual one is what the service answers.
 *
 * <p>Every operation the specs secure is also called once without a token: 401 problem+json with
 * {@code WWW-Authenticate: Bearer}.
 *
 * <p>Allowed means no 401, no 403 and no "outside" answer; a role refusal is 403; outside the
 * jurisdiction is 404, an empty list (the fixture is missing from it) or the operation's own outside
 * problem (403 for target profiles, 422 {@code known-institution} when filing). Writes are sent so they
 * change nothing when allowed: a stale {@code If-Match} (412), a report that already exists (409), a
 * decision on a draft (409), a division PUT with its current content (200).
 */
final class RoleMatrix {

    /** The relation of a target division to the caller's own division. */
    enum Relation {
        OWN, CHILD, PARENT, SIBLING, FOREIGN;

        static Relation of(String own, String target) {
            if (own.equals(target)) {
                return OWN;
            }
            if (own.equals("00")) {
                return CHILD;
            }
            if (target.equals("00") || own.startsWith(target)) {
                return PARENT;
            }
            if (target.startsWith(own)) {
                return CHILD;
            }
            return target.substring(0, 2).equals(own.substring(0, 2)) ? SIBLING : FOREIGN;
        }
    }

    /** UNAUTHENTICATED: no token at all, a 401 problem with {@code WWW-Authenticate: Bearer} (RFC 6750). */
    enum Expect { ALLOWED, ROLE, OUTSIDE, UNAUTHENTICATED }

    /** A matrix user: name, jurisdiction and roles from the token itself. */
    record User(String name, String division, Set<String> roles, String token) {
    }

    /** A caller without a token; the division only chooses which fixtures its calls aim at. */
    private static final User ANONYMOUS = new User("(no token)", "45", Set.of(), null);

    /** What a call may act on: a division, and the fixtures that lie in it. */
    record Target(String division, String institution, String report, String profile) {
    }

    record Row(String key, String service, Map<String, String> cells, boolean unscoped) {
    }

    record Call(String user, String op, String target, Relation relation, Expect expected, int status, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDICATOR = "TCM_PHYSICIAN_RATIO";
    /** 422 rules that mean "not yours" when filing or registering (the same answer as for an unknown one). */
    private static final Set<String> OUTSIDE_RULES = Set.of("known-institution", "within-jurisdiction",
            "known-division");
    /** The USCC that rendong-reporter's token carries (deploy/keycloak/tcm-realm.json): the demo's 仁东镇卫生院. */
    static final String RENDONG_USCC = "12450902450117900B";
    /** Divisions the fixtures need, parents first; the SuiteTest's own keep their names. */
    private static final Map<String, String> DIVISIONS = new LinkedHashMap<>();

    static {
        DIVISIONS.put("45", "广西壮族自治区");
        DIVISIONS.put("4507", "钦州市");
        DIVISIONS.put("450702", "钦南区");
        DIVISIONS.put("450702100", "尖山街道");
        DIVISIONS.put("450702101", "沙埠镇");
        DIVISIONS.put("4509", "玉林市");
        DIVISIONS.put("450902", "玉州区");
        DIVISIONS.put("450902100", "仁东镇");
        DIVISIONS.put("450902101", "仁厚镇");
        DIVISIONS.put("450902102", "城西街道");
        DIVISIONS.put("450921", "容县");
        DIVISIONS.put("450921100", "容州镇");
        DIVISIONS.put("450981", "北流市");
        DIVISIONS.put("450981100", "北流镇");
        DIVISIONS.put("15", "内蒙古自治区");
        DIVISIONS.put("1522", "兴安盟");
        DIVISIONS.put("152223", "扎赉特旗");
        DIVISIONS.put("152223100", "音德尔镇");
        // Zhejiang, for the Beilun plan: only the national administrator can add a province nobody administers yet.
        DIVISIONS.put("33", "浙江省");
        DIVISIONS.put("3302", "宁波市");
        DIVISIONS.put("330206", "北仑区");
    }

    /** Each target division and the township its fixture institution lies in (never below a narrower target). */
    private static final Map<String, String> TOWNSHIP = Map.of("45", "450702100", "4509", "450981100", "4507",
            "450702101", "450902", "450902102", "450902100", "450902100", "450902101", "450902101", "450921",
            "450921100", "15", "152223100");
    private static final Map<String, String> PROFILE = Map.of("00", "national", "45", "guangxi-2022", "4509",
            "yulin-2022", "4507", "qinzhou-2023", "15", "inner-mongolia");

    private final Stack stack;
    private final Path root;
    private final String realm;
    private final List<User> users = new ArrayList<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private String job;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    RoleMatrix(Stack stack, Path root) {
        this.stack = stack;
        this.root = root;
        this.realm = stack.keycloakRealmUrl();
    }

    /** The table of docs/roles.md between its markers. */
    static Map<String, Row> table(Path rolesMd) {
        List<String> lines;
        try {
            lines = Files.readAllLines(rolesMd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int begin = lines.indexOf("<!-- role-matrix:begin -->");
        int end = lines.indexOf("<!-- role-matrix:end -->");
        List<String> header = cells(lines.get(begin + 1));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines.subList(begin + 3, end)) {
            List<String> c = cells(line);
            if (c.size() != header.size()) {
                throw new IllegalStateException("docs/roles.md: row has " + c.size() + " cells, not " + header.size()
                        + ": " + line);
            }
            String name = c.get(0);
            boolean unscoped = name.endsWith("*");
            String key = name.replace("*", "").strip();
            Map<String, String> byRole = new LinkedHashMap<>();
            for (int i = 2; i < header.size(); i++) {
                String cell = c.get(i);
                if (!Set.of("own+", "own", "all", "national", "—").contains(cell)) {
                    throw new IllegalStateException("docs/roles.md: unknown cell '" + cell + "' in " + line);
                }
                byRole.put(header.get(i), cell);
            }
            if (rows.put(key, new Row(key, c.get(1), byRole, unscoped)) != null) {
                throw new IllegalStateException("docs/roles.md: " + key + " has two rows");
            }
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String t = line.strip();
        return java.util.Arrays.stream(t.substring(1, t.length() - 1).split("\\|")).map(String::strip).toList();
    }

    /**
     * Every operation of the committed specs, keyed by operation id, or service.operationId where two
     * services share an id; with its method, path and whether it needs a token ({@code secured}/{@code open}).
     */
    static Map<String, String[]> operations(Path openapi) {
        Map<String, List<String[]>> byId = new TreeMap<>();
        for (String service : Stack.SERVICES) {
            try {
                JsonNode spec = new YAMLMapper().readTree(openapi.resolve(service + ".yaml").toFile());
                spec.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
                    if (m.getValue().has("operationId")) {
                        // An operation is secured when it names a security requirement (none is global).
                        boolean secured = m.getValue().path("security").size() > 0;
                        byId.computeIfAbsent(m.getValue().get("operationId").asText(), k -> new ArrayList<>())
                                .add(new String[] {service, m.getKey().toUpperCase(), p.getKey(),
                                        secured ? "secured" : "open"});
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String[]> ops = new TreeMap<>();
        byId.forEach((id, list) -> list.forEach(o -> ops.put(list.size() == 1 ? id : o[0] + "." + id, o)));
        return ops;
    }

    /** Runs the matrix; answers every call whose outcome differs from the table (empty when all agree). */
    List<Call> run() {
        Map<String, Row> rows = table(root.resolve("docs/roles.md"));
        Map<String, String[]> ops = operations(root.resolve("openapi"));
        List<Call> wrong = new ArrayList<>();
        Set<String> missing = new TreeSet<>(ops.keySet());
        missing.removeAll(rows.keySet());
        Set<String> extra = new TreeSet<>(rows.keySet());
        extra.removeAll(ops.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new AssertionError("docs/roles.md and openapi/ disagree: operations without a row " + missing
                    + ", rows without an operation " + extra);
        }
        login();
        fixtures();
        Map<String, BiFunction<User, Target, Response>> calls = calls();
        Set<String> noCall = new TreeSet<>(rows.keySet());
        noCall.removeAll(calls.keySet());
        if (!noCall.isEmpty()) {
            throw new AssertionError("RoleMatrix has no request for " + noCall);
        }
        Instant begin = Instant.now();
        List<java.util.concurrent.Callable<Call>> planned = new ArrayList<>();
        for (Row row : rows.values()) {
            for (User u : users) {
                boolean anyRole = u.roles().stream().anyMatch(r -> !"—".equals(row.cells().getOrDefault(r, "—")));
                if (row.unscoped() || !anyRole) {
                    // One call: the role alone decides (no relation applies, or every relation is refused).
                    Target t = row.unscoped() ? targets.get(u.division().equals("00") ? "45" : ownTarget(u))
                            : firstApplicable(row.key(), u);
                    Relation rel = Relation.of(u.division(), t.division());
                    planned.add(() -> check(u, row, t, rel, expect(row, u, rel), calls.get(row.key())));
                    continue;
                }
                Map<Relation, Target> one = new LinkedHashMap<>();
                for (Target t : targets.values()) {
                    if (applies(row.key(), t)) {
                        one.putIfAbsent(Relation.of(u.division(), t.division()), t);
                    }
                }
                one.forEach((rel, t) -> planned.add(() -> check(u, row, t, rel, expect(row, u, rel),
                        calls.get(row.key()))));
            }
        }
        // The calls change nothing another call depends on, so a few run at once.
        List<Call> all = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (var f : pool.invokeAll(planned)) {
                all.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        all.stream().filter(c -> c.detail() != null).forEach(wrong::add);
        // Each secured operation once more without any token. (Under tcm.rate-limit.auth-failures-per-minute,
        // default 60 per address and service: the most secured operations of one service, reporting's, are 22.)
        List<Call> anonymous = ops.entrySet().stream().filter(o -> o.getValue()[3].equals("secured"))
                .map(o -> withoutToken(o.getKey(), calls.get(o.getKey()))).toList();
        anonymous.stream().filter(c -> c.detail() != null).forEach(wrong::add);
        all.addAll(anonymous);
        System.out.printf("role matrix: %d users x %d operations, %d calls checked (%d requests) in %d ms%n",
                users.size(), rows.size(), all.size(), requests.get(), Duration.between(begin, Instant.now()).toMillis());
        return wrong;
    }

    private Call withoutToken(String op, BiFunction<User, Target, Response> call) {
        Target t = firstApplicable(op, ANONYMOUS);
        Response r = call.apply(ANONYMOUS, t);
        requests.incrementAndGet();
        String detail = null;
        if (r.statusCode() != 401) {
            detail = "expected 401, answered " + r.statusCode();
        } else if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
            detail = "401 with Content-Type " + r.contentType() + ", not a problem";
        } else if (r.wwwAuthenticate() == null || !r.wwwAuthenticate().startsWith("Bearer")) {
            detail = "401 without WWW-Authenticate: Bearer (" + r.wwwAuthenticate() + ")";
        }
        return new Call(ANONYMOUS.name(), op, t.division(), Relation.of(ANONYMOUS.division(), t.division()),
                Expect.UNAUTHENTICATED, r.statusCode(),
                detail == null ? null : detail + ": " + r.asString().substring(0, Math.min(240, r.asString().length())));
    }

    private String ownTarget(User u) {
        return targets.containsKey(u.division()) ? u.division() : "45";
    }

    private Target firstApplicable(String op, User u) {
        return targets.values().stream().filter(t -> applies(op, t))
                .min(java.util.Comparator.comparing(t -> Relation.of(u.division(), t.division()))).orElseThrow();
    }

    /** Which targets an operation can be aimed at (a window needs a province, a profile write a profile). */
    private boolean applies(String op, Target t) {
        return switch (op) {
            case "getReportingWindow", "setReportingWindow", "importTechniqueList" -> t.division().length() == 2
                    && !t.division().equals("00");
            case "setProfileTarget", "deleteProfileTarget", "setProfileParent" -> t.profile() != null;
            case "getReportJob", "getReportJobErrors", "getReportJobReports" -> t.division().equals("45");
            // Only provinces and cities draw supervision plans (a county's code is a 400).
            case "getSupervisionPlan" -> t.division().length() <= 4 && !t.division().equals("00");
            default -> !t.division().equals("00");
        };
    }

    static Expect expect(Row row, User u, Relation rel) {
        boolean any = false;
        for (String role : u.roles()) {
            String cell = row.cells().getOrDefault(role, "—");
            if (cell.equals("—")) {
                continue;
            }
            any = true;
            boolean ok = switch (cell) {
                case "all" -> true;
                case "national" -> u.division().equals("00");
                case "own" -> rel == Relation.OWN;
                default -> rel == Relation.OWN || rel == Relation.CHILD;
            };
            if (ok) {
                return Expect.ALLOWED;
            }
        }
        return any ? Expect.OUTSIDE : Expect.ROLE;
    }

    private Call check(User u, Row row, Target t, Relation rel, Expect expected,
            BiFunction<User, Target, Response> call) {
        Response r = call.apply(u, t);
        requests.incrementAndGet();
        int status = r.statusCode();
        String body = r.asString();
        String mark = marker(row.key(), t);
        // The answers a service gives for something outside the caller's jurisdiction, as if it did not exist.
        boolean outside = status == 404
                || (status == 422 && OUTSIDE_RULES.stream().anyMatch(rule -> body.contains("\"" + rule + "\"")))
                || (status == 200 && mark != null && !body.contains(mark));
        String detail = null;
        if (status == 401 || status >= 500) {
            detail = "answered " + status;
        } else if (expected == Expect.ALLOWED && (status == 403 || (outside && !row.unscoped()))) {
            // An unscoped operation's target is no division (a dead letter that does not exist answers 404).
            detail = "expected allowed, answered " + status;
        } else if (expected == Expect.ROLE && status != 403) {
            detail = "expected 403 (role), answered " + status;
        } else if (expected == Expect.OUTSIDE && !outside && status != 403) {
            detail = "expected outside (403, 404, not listed), answered " + status;
        }
        return new Call(u.name(), row.key(), t.division(), rel, expected, status,
                detail == null ? null : detail + ": " + body.substring(0, Math.min(240, body.length())));
    }

    /** For lists and exports, the fixture id whose presence means the target was visible. */
    private static String marker(String op, Target t) {
        return switch (op) {
            case "listInstitutions", "exportInstitutions" -> t.institution();
            case "listReports" -> t.report();
            default -> null;
        };
    }

    private void login() {
        for (String name : List.of("national-admin", "national-catalog-admin", "gx-admin", "catalog-admin",
                "yulin-admin", "yulin-reader", "yuzhou-reviewer", "yuzhou-reporter", "rendong-reporter")) {
            users.add(user(name, Api.token(realm, name, name + "-pass")));
        }
        users.add(user("tcm-platform", Api.clientToken(realm, "tcm-platform", "platform-secret")));
        for (String name : List.of("nm-reviewer", "nm-admin", "gx-admin")) {
            tokens.put(name, Api.token(realm, name, name + "-pass"));
        }
        tokens.put("platform", users.get(users.size() - 1).token());
    }

    private static User user(String name, String token) {
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            Set<String> roles = new LinkedHashSet<>();
            claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
            return new User(name, claims.get("division").asText(), roles, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token(String user) {
        return users.stream().filter(u -> u.name().equals(user)).map(User::token).findFirst()
                .orElseGet(() -> tokens.get(user));
    }

    /** Divisions (by the national administrator), one institution and one draft report per target, a job. */
    private void fixtures() {
        Instant begin = Instant.now();
        String national = token("national-admin");
        String registry = stack.url("institution-registry");
        // Zhejiang does not exist and has no administrator: a province admin cannot add it, the national one can.
        expectStatus(as(token("gx-admin")).body(division("33")).put(registry + "/api/v1/divisions/33"), 404);
        DIVISIONS.forEach((code, name) -> expectStatus(as(national).body(division(code)).put(registry
                + "/api/v1/divisions/" + code), 200, 201));
        Map<String, String> institutions = new HashMap<>();
        for (String township : new TreeSet<>(TOWNSHIP.values())) {
            institutions.put(township, institution(township, township.startsWith("15") ? "nm-reviewer" : "platform",
                    null));
        }
        institutions.put("450902100", institution("450902100", "platform", RENDONG_USCC));
        targets.put("00", new Target("00", null, null, "national"));
        for (String d : List.of("45", "4509", "450902", "450902100", "450902101", "450921", "4507", "15")) {
            String inst = institutions.get(TOWNSHIP.get(d));
            String filer = d.startsWith("15") ? tokens.get("nm-reviewer") : tokens.get("platform");
            String report = DemoData.submitWhenKnown(stack, filer, Map.of("institutionId", inst, "period", "2024",
                    "draft", true, "figures", Map.of("physicians", 1))).body().get("id").asText();
            targets.put(d, new Target(d, inst, report, PROFILE.get(d)));
        }
        job = Api.postJob(stack.url("reporting") + "/api/v1/report-jobs?dryRun=true", tokens.get("platform"),
                "统一社会信用代码,报告期,医师总数\n" + RENDONG_USCC + ",2024,8\n", "matrix-" + UUID.randomUUID())
                .expect(202).body().get("id").asText();
        System.out.printf("role matrix fixtures: %d divisions, %d institutions, %d draft reports, a job in %d ms%n",
                DIVISIONS.size(), institutions.size() + 1, targets.size() - 1, Duration.between(begin, Instant.now())
                        .toMillis());
    }

    private static Map<String, Object> division(String code) {
        String name = DIVISIONS.get(code);
        return Map.of("name", name, "population", Map.of("2024", 100_000));
    }

    private String institution(String township, String creator, String uscc) {
        String first17 = "12" + township.substring(0, 6) + "MX" + String.format("%07d",
                Math.floorMod((township + creator).hashCode(), 10_000_000));
        String code = uscc != null ? uscc : first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        Response r = as(tokens.get(creator)).body(Map.of("name", "矩阵" + DIVISIONS.get(township) + "卫生院"
                + (uscc != null ? "甲" : ""), "type", "THC", "divisionCode", township, "uscc", code, "openedOn",
                "1998-06-01")).post(stack.url("institution-registry") + "/api/v1/institutions");
        expectStatus(r, 201);
        return r.path("id");
    }

    private static void expectStatus(Response r, int... statuses) {
        for (int s : statuses) {
            if (r.statusCode() == s) {
                return;
            }
        }
        throw new AssertionError("fixture answered " + r.statusCode() + ": " + r.asString());
    }

    private static Request as(String token) {
        return new Request(token);
    }

    private static Request as(User u) {
        return new Request(u.token());
    }

    /** An answer: status, body and the headers the checks read. */
    record Response(int statusCode, String asString, String contentType, String wwwAuthenticate) {
        String path(String field) {
            try {
                return JSON.readTree(asString).get(field).asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A request on one shared JDK client: its kept-alive connections make a call cost what the service
     * spends on it (RestAssured opened a connection per call and doubled the matrix's time).
     */
    static final class Request {
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final StringBuilder query = new StringBuilder();
        private String body = "";

        /** @param token null for a request without credentials */
        Request(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            headers.put("Content-Type", "application/json; charset=UTF-8");
        }

        Request queryParam(String name, Object value) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request contentType(String type) {
            return header("Content-Type", type);
        }

        Request body(Object value) {
            try {
                body = value instanceof String text ? text : JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Response get(String url) {
            return send("GET", url, false);
        }

        Response delete(String url) {
            return send("DELETE", url, false);
        }

        Response put(String url) {
            return send("PUT", url, true);
        }

        Response post(String url) {
            return send("POST", url, true);
        }

        Response patch(String url) {
            return send("PATCH", url, true);
        }

        private Response send(String method, String url, boolean withBody) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + query)).timeout(Duration.ofSeconds(30))
                    .method(method, withBody ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
                            : HttpRequest.BodyPublishers.noBody());
            headers.forEach((k, v) -> {
                if (withBody || !k.equals("Content-Type")) {
                    b.header(k, v);
                }
            });
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null),
                        r.headers().firstValue("WWW-Authenticate").orElse(null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One request per operation, aimed at a target; allowed writes change nothing (see the class comment). */
    private Map<String, BiFunction<User, Target, Response>> calls() {
        String reg = stack.url("institution-registry") + "/api/v1";
        String cat = stack.url("indicator-catalog") + "/api/v1";
        String rep = stack.url("reporting") + "/api/v1";
        String ev = stack.url("evaluation") + "/api/v1";
        String csv = "text/csv; charset=UTF-8";
        UUID nobody = UUID.randomUUID();
        Map<String, BiFunction<User, Target, Response>> c = new HashMap<>();
        c.put("listDivisions", (u, t) -> as(u).queryParam("parent", t.division()).get(reg + "/divisions"));
        c.put("getDivision", (u, t) -> as(u).get(reg + "/divisions/" + t.division()));
        c.put("exportDivisions", (u, t) -> as(u).queryParam("root", t.division()).get(reg + "/divisions/export"));
        c.put("createOrReplaceDivision", (u, t) -> as(u).body(division(t.division()))
                .put(reg + "/divisions/" + t.division()));
        c.put("importDivisions", (u, t) -> as(u).contentType(csv).body("code,name\n").post(reg + "/divisions/import"));
        c.put("listInstitutions", (u, t) -> as(u).queryParam("division", t.division()).queryParam("limit", 500)
                .get(reg + "/institutions"));
        c.put("getInstitution", (u, t) -> as(u).get(reg + "/institutions/" + t.institution()));
        c.put("getInstitutionHistory", (u, t) -> as(u).get(reg + "/institutions/" + t.institution() + "/history"));
        c.put("exportInstitutions", (u, t) -> as(u).queryParam("division", t.division())
                .get(reg + "/institutions/export"));
        c.put("createInstitution", (u, t) -> {
            String township = TOWNSHIP.get(t.division());
            String first17 = "12" + township.substring(0, 6) + "MY" + String.format("%07d",
                    Math.floorMod((u.name() + township).hashCode(), 10_000_000));
            return as(u).body(Map.of("name", "矩阵新建" + u.name() + "卫生院", "type", "THC", "divisionCode", township,
                    "uscc", first17 + UnifiedSocialCreditCode.checkCharacter(first17), "openedOn", "2001-01-01"))
                    .post(reg + "/institutions");
        });
        c.put("replaceInstitution", (u, t) -> as(u).header("If-Match", "\"999\"").body(Map.of("name", "矩阵改名卫生院",
                "type", "THC", "divisionCode", TOWNSHIP.get(t.division()), "openedOn", "1998-06-01"))
                .put(reg + "/institutions/" + t.institution()));
        c.put("updateInstitution", (u, t) -> as(u).header("If-Match", "\"999\"")
                .contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("name", "矩阵改名卫生院"))
                .patch(reg + "/institutions/" + t.institution()));
        c.put("importInstitutions", (u, t) -> as(u).contentType(csv).body("name,type,divisionCode\n")
                .post(reg + "/institutions/import"));

        c.put("listIndicators", (u, t) -> as(u).get(cat + "/indicators"));
        c.put("getIndicator", (u, t) -> as(u).get(cat + "/indicators/" + INDICATOR));
        c.put("getEffectiveTargets", (u, t) -> as(u).queryParam("division", "450902").queryParam("year", 2024)
                .get(cat + "/effective-targets"));
        c.put("listProfiles", (u, t) -> as(u).get(cat + "/profiles"));
        c.put("getProfile", (u, t) -> as(u).get(cat + "/profiles/yulin-2022"));
        c.put("listProfileRevisions", (u, t) -> as(u).get(cat + "/profiles/yulin-2022/revisions"));
        c.put("getProfileRevision", (u, t) -> as(u).get(cat + "/profiles/yulin-2022/revisions/1"));
        // An id that exists: allowed answers 409 unique-id (after the jurisdiction check), so nothing is created.
        c.put("createProfile", (u, t) -> as(u).body(Map.of("id", "yulin-2022", "divisionCode", t.division(),
                "parentId", "national", "effectiveFrom", 2030, "targets", List.of())).post(cat + "/profiles"));
        Map<String, Object> target = Map.of("comparator", "AT_LEAST", "threshold", 0.3, "source",
                Map.of("document", "role matrix", "location", "1"));
        c.put("setProfileTarget", (u, t) -> as(u).header("If-Match", "\"999\"").queryParam("effectiveFrom", 2030)
                .body(target).put(cat + "/profiles/" + t.profile() + "/targets/" + INDICATOR));
        c.put("deleteProfileTarget", (u, t) -> as(u).header("If-Match", "\"999\"").queryParam("effectiveFrom", 2030)
                .delete(cat + "/profiles/" + t.profile() + "/targets/" + INDICATOR));
        c.put("setProfileParent", (u, t) -> as(u).header("If-Match", "\"999\"").queryParam("effectiveFrom", 2030)
                .body(Map.of("parentId", "national")).put(cat + "/profiles/" + t.profile() + "/parent"));
        c.put("listTechniqueClasses", (u, t) -> as(u).get(cat + "/techniques"));
        c.put("getTechniqueClass", (u, t) -> as(u).get(cat + "/techniques/ACUPUNCTURE"));
        c.put("getTechniqueClassRevision", (u, t) -> as(u).get(cat + "/techniques/ACUPUNCTURE/revisions/1"));
        c.put("getTechniqueItem", (u, t) -> as(u).get(cat + "/techniques/items/ACUPUNCTURE_FU"));
        c.put("listTechniqueLists", (u, t) -> as(u).get(cat + "/techniques/lists"));
        c.put("createOrReplaceTechniqueClass", (u, t) -> as(u).header("If-Match", "\"999\"").body(Map.of("nameZh",
                "针刺类", "nameEn", "Acupuncture", "sortOrder", 1, "items", List.of(Map.of("code", "ACUPUNCTURE_FU",
                        "nameZh", "浮针")))).put(cat + "/techniques/ACUPUNCTURE"));
        // Without its source document: allowed answers 400 after the jurisdiction check, and no list changes.
        c.put("importTechniqueList", (u, t) -> as(u).contentType(csv)
                .body("classCode,classNameZh,itemCode,itemNameZh\n")
                .post(cat + "/techniques/lists/" + t.division() + "/import"));

        c.put("listForms", (u, t) -> as(u).get(rep + "/forms"));
        c.put("getForm", (u, t) -> as(u).get(rep + "/forms/THC"));
        c.put("submitReport", (u, t) -> as(u).body(Map.of("institutionId", t.institution(), "period", "2024",
                "draft", true, "figures", Map.of("physicians", 1))).post(rep + "/reports"));
        c.put("reviseReport", (u, t) -> as(u).header("If-Match", "\"999\"").body(Map.of("draft", true, "figures",
                Map.of("physicians", 1))).put(rep + "/reports/" + t.report()));
        c.put("listReports", (u, t) -> as(u).queryParam("division", t.division()).queryParam("status", "DRAFT")
                .queryParam("limit", 500).get(rep + "/reports"));
        c.put("getReport", (u, t) -> as(u).get(rep + "/reports/" + t.report()));
        c.put("getReportHistory", (u, t) -> as(u).get(rep + "/reports/" + t.report() + "/history"));
        c.put("decideReport", (u, t) -> as(u).header("If-Match", "\"1\"").body(Map.of("decision", "APPROVE"))
                .post(rep + "/reports/" + t.report() + "/decisions"));
        c.put("decideReports", (u, t) -> as(u).body(Map.of("decision", "APPROVE", "reports", List.of(Map.of("id",
                t.report(), "revision", 1)))).post(rep + "/report-decisions"));
        c.put("submitReportJob", (u, t) -> as(u).contentType(csv).queryParam("dryRun", true)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("统一社会信用代码,报告期,医师总数\n")
                .post(rep + "/report-jobs"));
        c.put("getReportJob", (u, t) -> as(u).get(rep + "/report-jobs/" + job));
        c.put("getReportJobErrors", (u, t) -> as(u).get(rep + "/report-jobs/" + job + "/errors"));
        c.put("getReportJobReports", (u, t) -> as(u).get(rep + "/report-jobs/" + job + "/reports"));
        c.put("getCompleteness", (u, t) -> as(u).get(rep + "/completeness/" + t.division() + "/2024"));
        c.put("listMissingReporters", (u, t) -> as(u).get(rep + "/completeness/" + t.division() + "/2024/missing"));
        c.put("getReportingWindow", (u, t) -> as(u).get(rep + "/windows/" + t.division() + "/2024"));
        c.put("setReportingWindow", (u, t) -> as(u).header("If-Match", "\"999\"").body(Map.of("opensOn", "2025-01-01",
                "closesOn", "2025-03-31")).put(rep + "/windows/" + t.division() + "/2024"));
        c.put("reopenReportingWindow", (u, t) -> as(u).body(Map.of("until", java.time.LocalDate.now().plusDays(7)
                .toString())).put(rep + "/windows/2024/reopenings/" + t.institution()));
        for (String[] s : List.of(new String[] {"reporting", rep}, new String[] {"evaluation", ev})) {
            c.put(s[0] + ".listDeadLetters", (u, t) -> as(u).get(s[1] + "/dead-letters"));
            c.put(s[0] + ".getDeadLetter", (u, t) -> as(u).get(s[1] + "/dead-letters/" + nobody));
            c.put(s[0] + ".replayDeadLetter", (u, t) -> as(u).post(s[1] + "/dead-letters/" + nobody + "/replay"));
            c.put(s[0] + ".discardDeadLetter", (u, t) -> as(u).post(s[1] + "/dead-letters/" + nobody + "/discard"));
        }
        c.put("getScorecard", (u, t) -> as(u).queryParam("year", 2024).get(ev + "/scorecards/" + t.division()));
        c.put("listChildResults", (u, t) -> as(u).queryParam("year", 2024)
                .get(ev + "/scorecards/" + t.division() + "/indicators/" + INDICATOR + "/children"));
        c.put("listGaps", (u, t) -> as(u).queryParam("year", 2024)
                .get(ev + "/scorecards/" + t.division() + "/indicators/" + INDICATOR + "/gaps"));
        c.put("getIndicatorSeries", (u, t) -> as(u).queryParam("from", 2021).queryParam("to", 2025)
                .get(ev + "/scorecards/" + t.division() + "/indicators/" + INDICATOR + "/series"));
        c.put("getSupervisionPlan", (u, t) -> as(u).queryParam("year", 2024)
                .get(ev + "/supervision-plans/" + t.division()));
        c.put("getMeasure", (u, t) -> as(u).queryParam("year", 2024).queryParam("division", t.division())
                .get(ev + "/fhir/Measure/" + INDICATOR));
        c.put("searchMeasureReports", (u, t) -> as(u).queryParam("year", 2024).queryParam("division", t.division())
                .get(ev + "/fhir/MeasureReport"));
        return c;
    }

    /** The failures as a readable table for the assertion message. */
    static String describe(List<Call> wrong) {
        return wrong.stream().map(c -> String.format("%-28s %-24s %-10s %-8s %-8s %s", c.op(), c.user(), c.target(),
                c.relation(), c.expected(), c.detail())).collect(Collectors.joining("\n"));
    }
}

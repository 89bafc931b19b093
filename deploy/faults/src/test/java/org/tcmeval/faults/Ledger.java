package org.tcmeval.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Files reports at a steady rate and writes down every answer: a client as an institution's
 * reporting tool would be. Most steps file a new institution's report (POST with an
 * {@code Idempotency-Key}); every {@link #CORRECTION_EVERY}th corrects one filed earlier (PUT with
 * {@code If-Match} of the revision it last saw). A 503 or a lost connection is retried with the
 * same key or the same If-Match until the report is filed; a 412 after a lost answer means that
 * answer had committed, which a GET confirms. What the suite then asserts is read from here.
 */
final class Ledger implements Runnable {

    /**
     * What one HTTP attempt got: a status (with content type and the headers that matter), or no
     * answer; {@code at} is when the answer (or the failure) came.
     */
    record Attempt(Instant at, int status, String contentType, String retryAfter, boolean replayed, String failure,
            String body) {

        boolean answered() {
            return failure == null;
        }

        boolean connectionRefused() {
            return failure != null && failure.startsWith("ConnectException");
        }
    }

    /**
     * One report or correction to file and everything that happened to it.
     * {@code correctsRevision} is 0 for a new report, else the revision the correction names in If-Match.
     */
    static final class Submission {
        final int seq;
        final String key = UUID.randomUUID().toString();
        final String institutionId;
        final int physicians;
        final int tcmPhysicians;
        final int correctsRevision;
        final List<Attempt> attempts = new ArrayList<>();
        volatile String reportId;
        volatile int revision;
        /** A 412 after a lost answer, and the report shows exactly this correction: that lost attempt committed. */
        volatile boolean confirmedByRead;

        Submission(int seq, String institutionId, int physicians, int tcmPhysicians, String reportId,
                int correctsRevision) {
            this.seq = seq;
            this.institutionId = institutionId;
            this.physicians = physicians;
            this.tcmPhysicians = tcmPhysicians;
            this.reportId = reportId;
            this.correctsRevision = correctsRevision;
        }

        boolean correction() {
            return correctsRevision > 0;
        }

        Attempt last() {
            return attempts.get(attempts.size() - 1);
        }

        boolean filed() {
            return !attempts.isEmpty() && (confirmedByRead || last().answered() && last().status() / 100 == 2);
        }
    }

    /** Every this many steps, one corrects a report filed earlier instead of filing a new one. */
    static final int CORRECTION_EVERY = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A report that cannot be filed for this long is given up and fails the suite. */
    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String reports;
    private final String token;
    private final List<String> institutions;
    private final IntFunction<int[]> figures;
    private final Duration interval;
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile Throwable crashed;

    /**
     * @param institutions one report each, in this order; the ledger stops when they are used up
     * @param figures physicians and TCM-category physicians of the n-th step (report or correction)
     * @param perSecond the pace while answers come quickly; outages slow it (one report at a time)
     */
    Ledger(String reportingUrl, String token, List<String> institutions, IntFunction<int[]> figures, int perSecond) {
        this.reports = reportingUrl + "/api/v1/reports";
        this.token = token;
        this.institutions = List.copyOf(institutions);
        this.figures = figures;
        this.interval = Duration.ofMillis(1000 / perSecond);
    }

    @Override
    public void run() {
        try {
            Instant next = Instant.now();
            List<Submission> filedNew = new ArrayList<>();
            int fresh = 0;
            for (int step = 0; fresh < institutions.size() && !stop.get(); step++) {
                pause(Duration.between(Instant.now(), next));
                int[] f = figures.apply(step);
                Submission s;
                if (step % CORRECTION_EVERY == CORRECTION_EVERY - 1 && !filedNew.isEmpty()) {
                    // Spread over old and new reports alike; each correction names the revision last seen.
                    Submission report = filedNew.get((step * 7919) % filedNew.size());
                    s = new Submission(step, report.institutionId, f[0], f[1], report.reportId, report.revision);
                    submissions.add(s);
                    correct(s);
                    if (s.filed()) {
                        report.revision = s.revision;
                    }
                } else {
                    s = new Submission(step, institutions.get(fresh++), f[0], f[1], null, 0);
                    submissions.add(s);
                    file(s);
                    if (s.filed()) {
                        filedNew.add(s);
                    }
                }
                // One at a time, and no burst to catch up after an outage: the rate stays the rate.
                Instant now = Instant.now();
                next = next.plus(interval).isBefore(now) ? now : next.plus(interval);
            }
        } catch (Throwable t) {
            crashed = t;
        }
    }

    private void file(Submission s) throws InterruptedException {
        String body = write(Map.of("institutionId", s.institutionId, "period", "2024",
                "figures", Map.of("physicians", s.physicians, "tcmPhysicians", s.tcmPhysicians)));
        HttpRequest request = request(reports).header("Idempotency-Key", s.key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        retry(s, request);
    }

    private void correct(Submission s) throws InterruptedException {
        String body = write(Map.of("figures", Map.of("physicians", s.physicians, "tcmPhysicians", s.tcmPhysicians)));
        HttpRequest request = request(reports + "/" + s.reportId).header("If-Match", "\"" + s.correctsRevision + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        retry(s, request);
        if (!s.filed() && s.last().answered() && s.last().status() == 412
                && s.attempts.stream().anyMatch(a -> !a.answered())) {
            // The answer to an attempt was lost, and the report moved on since: was it this correction?
            HttpRequest read = request(reports + "/" + s.reportId).GET().build();
            Attempt r = send(read);
            if (r.answered() && r.status() == 200) {
                JsonNode report = json(r.body());
                if (report.get("revision").asInt() == s.correctsRevision + 1
                        && report.get("figures").get("physicians").asInt() == s.physicians
                        && report.get("figures").get("tcmPhysicians").asInt() == s.tcmPhysicians) {
                    s.revision = s.correctsRevision + 1;
                    s.confirmedByRead = true;
                }
            }
        }
    }

    private void retry(Submission s, HttpRequest request) throws InterruptedException {
        Instant giveUp = Instant.now().plus(GIVE_UP);
        while (true) {
            Attempt a = send(request);
            synchronized (s) {
                s.attempts.add(a);
            }
            if (a.answered() && a.status() / 100 == 2) {
                JsonNode report = json(a.body());
                s.reportId = report.get("id").asText();
                s.revision = report.get("revision").asInt();
                return;
            }
            boolean retry = !a.answered() || a.status() == 503
                    || (a.status() == 409 && a.body().contains("idempotency-key-in-use"));
            if (!retry || Instant.now().isAfter(giveUp)) {
                return;
            }
            // Sooner than Retry-After (5 s): the suite wants to see the moment the service is back.
            Thread.sleep(200);
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Attempt send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Attempt(Instant.now(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(null),
                    r.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false), null, r.body());
        } catch (ConnectException e) {
            return new Attempt(Instant.now(), -1, null, null, false, "ConnectException: " + e.getMessage(), null);
        } catch (HttpTimeoutException e) {
            return new Attempt(Instant.now(), -1, null, null, false, "HttpTimeoutException: " + e.getMessage(), null);
        } catch (IOException e) {
            return new Attempt(Instant.now(), -1, null, null, false, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration d) throws InterruptedException {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis());
        }
    }

    void stop() {
        stop.set(true);
    }

    Optional<Throwable> crashed() {
        return Optional.ofNullable(crashed);
    }

    List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** Reports filed so far (answered 2xx). */
    long filed() {
        return submissions.stream().filter(Submission::filed).count();
    }

    /** Every attempt of every submission so far, in order. */
    List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>();
        for (Submission s : submissions) {
            synchronized (s) {
                all.addAll(s.attempts);
            }
        }
        return all;
    }

    /** When the first report was filed after {@code since}, if one was. */
    Optional<Instant> firstFiledAfter(Instant since) {
        return attempts().stream().filter(a -> a.answered() && a.status() / 100 == 2 && !a.at().isBefore(since))
                .map(Attempt::at).min(Instant::compareTo);
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

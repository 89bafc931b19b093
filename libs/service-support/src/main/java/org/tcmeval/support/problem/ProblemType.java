package org.tcmeval.support.problem;

/**
 * Every kind of problem (问题类型) a service of the suite answers with: the RFC 9457 {@code type}, its
 * status and title, and the page each service serves at {@code /problems/{slug}} saying what it
 * means and what the client can do. A problem can only be raised with a constant of this enum, so
 * a type without a page does not compile.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "Request is invalid",
            "A field, query parameter or header breaks a rule. `errors` lists each one: `field` (a JSON path such as "
                    + "`figures.physicians`, or the parameter or header name), `rule` (a stable name such as `required`, "
                    + "`one-of`, `range`, `length`, `format`) and a message.",
            "Correct the fields listed in `errors` and send the request again. Nothing was written."),
    MALFORMED_BODY("malformed-body", 400, "Request body is not valid JSON for this endpoint",
            "The body is not JSON, repeats a key, has a property this operation does not know (rule `unknown-field`), "
                    + "or has a value of the wrong kind (rule `type`: a string where a number is meant; values are never "
                    + "coerced). `errors[0].field` says where.",
            "Send the body as the operation's schema in the OpenAPI document describes it. Nothing was written."),
    UNAUTHORIZED("unauthorized", 401, "Authentication required",
            "The request has no bearer access token, or the token is invalid, expired, or an ID token.",
            "Get an access token from the identity provider (client credentials for a service account) and send it "
                    + "as `Authorization: Bearer <token>`."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "Your roles do not allow this operation, or the change would reach outside your jurisdiction.",
            "Ask your administrator for the role the operation's description names, or act within your division."),
    OWN_SUBMISSION("own-submission", 403, "Forbidden",
            "A reviewer may not approve or return a report version they submitted themselves (four-eyes rule).",
            "Another reviewer of the division decides on this version."),
    NOT_FOUND("not-found", 404, "Not found",
            "The resource does not exist, or it is outside your jurisdiction; the two are deliberately answered the "
                    + "same so that nobody learns what exists outside their jurisdiction.",
            "Check the identifier and that the division is within your jurisdiction."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed",
            "The path exists but does not accept this HTTP method.",
            "See the OpenAPI document for the methods of the path."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not Acceptable",
            "The operation cannot answer in any media type the `Accept` header allows.",
            "Accept `application/json` (or `text/csv` where the operation offers CSV)."),
    CONFLICT("conflict", 409, "Conflict",
            "The request conflicts with the current state of the resource; `errors` or `detail` say with what.",
            "Read the resource again, then decide whether to send a changed request."),
    DUPLICATE("duplicate", 409, "Conflict",
            "Another request registered the same code or identifier at the same moment.",
            "Read the resource again; if it is the one you meant to create, there is nothing left to do."),
    DUPLICATE_USCC("duplicate-uscc", 409, "Conflict",
            "An institution with this unified social credit code (统一社会信用代码) is already registered.",
            "Find it with `GET /api/v1/institutions?q=<uscc>` and change it instead of registering it again."),
    DUPLICATE_REGISTRATION_NUMBER("duplicate-registration-number", 409, "Conflict",
            "An institution with this medical-institution licence registration number is already registered.",
            "Find the existing institution and change it instead of registering it again."),
    UNIQUE_ID("unique-id", 409, "Conflict",
            "A target profile with this id already exists.",
            "Choose another id, or change the existing profile with If-Match."),
    REPORT_EXISTS("report-exists", 409, "Conflict",
            "The reporter already has a report for this period; a report is corrected, not filed twice.",
            "Correct the existing report (PUT with If-Match), which keeps every earlier version."),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", 409, "Conflict",
            "A request with the same Idempotency-Key is still being processed, or the key was used for a different "
                    + "request.",
            "Retry the identical request later with the same key to get its outcome; use a new key for a new request."),
    ILLEGAL_TRANSITION("illegal-transition", 409, "Conflict",
            "The review workflow does not allow this action from the report's current status (for example approving "
                    + "a draft).",
            "Read the report's status and the actions allowed from it (see the review workflow in the OpenAPI document)."),
    DEAD_LETTER_NO_HANDLER("dead-letter-no-handler", 409, "Conflict",
            "This service no longer consumes the channel of the dead letter, so it cannot replay it.",
            "Discard the dead letter, or replay it in the service that consumes the channel."),
    DEAD_LETTER_RESOLVED("dead-letter-resolved", 409, "Conflict",
            "The dead letter was already replayed or discarded.",
            "List open dead letters; nothing is left to do for this one."),
    REVISION_MISMATCH("revision-mismatch", 412, "Precondition failed",
            "The `If-Match` revision is not the current one: somebody changed the resource since you read it.",
            "GET the resource again, apply your change to what it is now, and send it with the new ETag."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large",
            "The body is larger than the operation accepts (the limit is in `detail`).",
            "Split the upload (for bulk reports: one file per county or per city)."),
    URI_TOO_LONG("uri-too-long", 414, "URI Too Long",
            "The request line (method, path and query string) is longer than the service reads (the limit is in "
                    + "`detail`). Long filters usually mean many repeated query parameters.",
            "Shorten the query: page with `cursor` and `limit`, or filter by a wider division instead of listing many."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type",
            "The body's `Content-Type` is not one the operation reads, or its charset is not UTF-8.",
            "Send `application/json` (UTF-8), or `text/csv` where the operation takes CSV."),
    UNPROCESSABLE("unprocessable", 422, "Request cannot be processed",
            "The request is well-formed but cannot be carried out as asked; `errors` names the rule.",
            "Read the rule in `errors` and change the request accordingly."),
    OUTSIDE_REPORTING_WINDOW("outside-reporting-window", 422, "Outside the reporting window",
            "The period's reporting window (填报时间窗口) is not open for this reporter today; `detail` names the window.",
            "File within the window, or ask the county to reopen the window for this reporter."),
    IMPORT_REJECTED("import-rejected", 422, "Import rejected",
            "An all-or-nothing import found faulty rows; `errors` lists them (`field` is `row N: column`) and nothing "
                    + "was written.",
            "Correct the rows listed and upload the whole file again."),
    DEAD_LETTER_REPLAY_FAILED("dead-letter-replay-failed", 422, "Replay failed",
            "Replaying the dead letter failed again with a permanent error; it stays open with the new error.",
            "Fix the cause named in `detail` (usually data the record refers to), then replay again or discard it."),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required",
            "Every update must name the revision it changes in `If-Match`, so that it cannot silently undo a change "
                    + "you have not seen.",
            "GET the resource, then send the update with `If-Match: \"<ETag from the GET>\"`."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests",
            "The caller made more bulk requests (imports, bulk report jobs, bulk decisions) than a minute allows, or "
                    + "the client address sent too many requests without a valid token.",
            "Wait the number of seconds in `Retry-After`, then send the request again (a bulk upload with the same "
                    + "Idempotency-Key). A script that loops on an expired token should get a new token instead."),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request Header Fields Too Large",
            "The request's header fields together are larger than the service reads (the limit is in `detail`); "
                    + "usually a token or cookies that have grown.",
            "Send only the headers the API needs (`Authorization`, `Content-Type`, `Accept`, `If-Match`, "
                    + "`Idempotency-Key`); get a fresh access token if it has grown."),
    INTERNAL("internal", 500, "Internal error",
            "An unexpected error of the service; it has been logged.",
            "Report the time and the `instance` to the operators; retrying will not help until it is fixed."),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable",
            "A dependency of the service (the database or the message broker) is unavailable for the moment. Nothing "
                    + "was written.",
            "Retry after the number of seconds in `Retry-After`, with the same Idempotency-Key for a submission."),
    HTTP_ERROR("http-error", 400, "Request rejected",
            "The HTTP layer refused the request (for example a malformed request line); `status` is the HTTP status.",
            "Send a smaller or simpler request.");

    /** Where the pages are served, relative to each service's root; a problem's {@code type} resolves there. */
    public static final String PATH = "/problems/";

    private final String slug;
    private final int status;
    private final String title;
    private final String meaning;
    private final String remedy;

    ProblemType(String slug, int status, String title, String meaning, String remedy) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.meaning = meaning;
        this.remedy = remedy;
    }

    public String slug() {
        return slug;
    }

    /** The status this type is answered with ({@link #HTTP_ERROR} carries the status it was given). */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    public String remedy() {
        return remedy;
    }

    /** The {@code type} member: a URI reference resolved against the answer's URL, so it is the same in every deployment. */
    public java.net.URI uri() {
        return java.net.URI.create(PATH + slug);
    }

    public static java.util.Optional<ProblemType> ofSlug(String slug) {
        for (ProblemType t : values()) {
            if (t.slug.equals(slug)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}

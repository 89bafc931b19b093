package org.tcmeval.support.deadletter;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.support.paging.PageCursor;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

/**
 * Operators' view of {@link DeadLetters}, in every service that consumes. Province administrators only:
 * they are the most privileged administrators there are, and a dead letter may hold data of any
 * division (it was never applied, so it cannot be scoped to a jurisdiction).
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Kafka records this service could not apply, for replay or discard")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.PROVINCE_ADMIN)
@IfBuildProperty(name = DeadLetters.ENABLED, stringValue = "true")
public class DeadLetterResource {

    static final String EXAMPLE = "{\"id\": \"019acb3e-5f1d-7c2a-9b1e-6d0f4c2a8e11\", \"channel\": \"technique-changed\", "
            + "\"topic\": \"technique-changed\", \"partition\": 0, \"offset\": 42, \"key\": \"00/ACUPUNCTURE\", "
            + "\"payload\": \"not json at all\", \"payloadLength\": 15, \"errorClass\": \"java.io.UncheckedIOException\", "
            + "\"errorMessage\": \"com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'not'\", "
            + "\"attempts\": 1, \"status\": \"OPEN\", \"firstFailedAt\": \"2025-02-15T02:00:00Z\", "
            + "\"lastFailedAt\": \"2025-02-15T02:00:00Z\"}";

    @Inject
    DeadLetters deadLetters;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List dead letters",
            description = "Records a consumer of this service failed on for a permanent reason (malformed, against the "
                    + "event contract, a bug), oldest first. Transient failures (database or broker down) are retried "
                    + "and never listed. Page with the opaque `nextCursor`. `payload` is cut to 1,000 characters; GET "
                    + "by id gives it whole. The gauge `tcm_dead_letters_open{channel}` counts the open ones.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeadLetterPage.class),
            examples = @ExampleObject(name = "malformed technique-changed record", value = "{\"items\": [" + EXAMPLE
                    + "]}")))
    @APIResponse(responseCode = "400", description = "The status, the cursor or the limit is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetterPage> list(
            @Parameter(description = "OPEN, REPLAYED or DISCARDED; default OPEN; `ALL` for every status",
                    example = "OPEN") @QueryParam("status") String status,
            @Parameter(description = "Only this channel", example = "technique-changed") @QueryParam("channel")
            String channel,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
            String limit) {
        DeadLetterStatus wanted = status(status);
        String only = channel == null || channel.isBlank() ? null : channel.strip();
        if (only != null && only.length() > 200) {
            throw ProblemException.invalid("channel", Rules.LENGTH, "channel must be at most 200 characters");
        }
        int size = limit(limit);
        String filters = "status=" + wanted + "&channel=" + only;
        UUID after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor.strip(), filters);
        return deadLetters.page(wanted, only, after, size + 1).map(rows -> {
            List<DeadLetterView> items = rows.stream().limit(size).map(d -> DeadLetterView.of(d, false)).toList();
            String next = rows.size() > size ? PageCursor.after(items.get(size - 1).id(), filters).encode() : null;
            return new DeadLetterPage(items, next);
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "Get one dead letter, with its whole payload")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeadLetterView.class),
            examples = @ExampleObject(name = "malformed technique-changed record", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetterView> get(@PathParam("id") UUID id) {
        return deadLetters.find(id).map(d -> DeadLetterView.of(d, true));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter",
            description = "Runs the channel's handler again on the stored key and payload, e.g. after the bug is fixed "
                    + "or what the record refers to exists. Handlers are idempotent, so a record whose effects are "
                    + "already there changes nothing. Success marks it REPLAYED; a failure leaves it OPEN.")
    @APIResponse(responseCode = "200", description = "Applied; the dead letter is now REPLAYED",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already replayed or discarded, or the channel is no longer consumed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The handler failed again; the problem names the error and the "
            + "dead letter stays OPEN", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "still malformed",
            value = "{\"type\": \"/problems/dead-letter-replay-failed\", \"title\": \"Replay failed\", "
                    + "\"status\": 422, \"detail\": \"the handler failed again (UncheckedIOException: "
                    + "com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'not'); the dead letter stays "
                    + "open\", \"instance\": \"/api/v1/dead-letters/019acb3e-5f1d-7c2a-9b1e-6d0f4c2a8e11/replay\"}")))
    @APIResponse(responseCode = "503", description = "The database is unavailable; try again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetterView> replay(@PathParam("id") UUID id) {
        return deadLetters.replay(id, caller.subject()).map(d -> DeadLetterView.of(d, false));
    }

    @POST
    @Path("/{id}/discard")
    @Operation(operationId = "discardDeadLetter", summary = "Discard a dead letter",
            description = "Gives up on the record: it is never applied. It stays listed as DISCARDED, naming who did it.")
    @APIResponse(responseCode = "200", description = "The dead letter is now DISCARDED",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already replayed or discarded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetterView> discard(@PathParam("id") UUID id) {
        return deadLetters.discard(id, caller.subject()).map(d -> DeadLetterView.of(d, false));
    }

    private static DeadLetterStatus status(String status) {
        if (status == null || status.isBlank()) {
            return DeadLetterStatus.OPEN;
        }
        if (status.strip().equals("ALL")) {
            return null;
        }
        try {
            return DeadLetterStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", Rules.ONE_OF, "status must be one of OPEN, REPLAYED, DISCARDED, ALL");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("limit", "range", "limit must be a whole number from 1 to 500");
    }
}

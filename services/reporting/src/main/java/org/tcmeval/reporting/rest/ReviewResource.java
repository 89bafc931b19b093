package org.tcmeval.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.reporting.ReportAction;
import org.tcmeval.reporting.service.ReviewService;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.ratelimit.RateLimited;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

@jakarta.ws.rs.Path("/api/v1/report-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "Review decisions (审核) and the full history of a report")
@SecurityRequirement(name = "bearer")
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @RateLimited
    @APIResponse(responseCode = "429", description = RateLimited.DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "decideReports", summary = "Approve or return many reports at once",
            description = "Each report is decided in its own transaction against the revision given for it; the "
                    + "answer lists, in request order, the new revision or the problem (stale, foreign, not awaiting "
                    + "a decision, own submission) of each.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DecisionResultView.class)))
    @APIResponse(responseCode = "400", description = "The request is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DecisionResultView> decideAll(@Valid @NotNull BulkDecisionRequest request) {
        var jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        List<UUID> ids = request.reports().stream().map(BulkDecisionRequest.Item::id).toList();
        List<Integer> revisions = request.reports().stream().map(BulkDecisionRequest.Item::revision).toList();
        return reviews.decideAll(ids, revisions, action(request.decision()), request.comment(), jurisdiction, who)
                .map(outcomes -> {
                    var items = outcomes.stream().map(o -> o.problem() == null
                            ? new DecisionResultView.Item(o.id(), o.report().revision, o.report().status, null)
                            : new DecisionResultView.Item(o.id(), null, null, new Problem(
                                    o.problem().problemType().uri(), o.problem().title(),
                                    o.problem().status(), o.problem().getMessage(), null, o.problem().errors())))
                            .toList();
                    int decided = (int) items.stream().filter(i -> i.problem() == null).count();
                    return new DecisionResultView(decided, items.size() - decided, items);
                });
    }

    static ReportAction action(DecisionRequest.Decision d) {
        return switch (d) {
            case APPROVE -> ReportAction.APPROVE;
            case RETURN -> ReportAction.RETURN;
        };
    }
}

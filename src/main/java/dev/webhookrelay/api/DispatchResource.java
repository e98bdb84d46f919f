package dev.webhookrelay.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.webhookrelay.dispatch.DispatchReport;
import dev.webhookrelay.dispatch.Plan;
import dev.webhookrelay.dispatch.Planner;
import dev.webhookrelay.dispatch.Sender;
import dev.webhookrelay.tenancy.Caller;
import dev.webhookrelay.tenancy.Tenancy;

import io.vertx.core.http.HttpServerRequest;

/** {@code POST /v1/dispatch}: one event, any number of automations. */
@Path("/v1/dispatch")
@Tag(name = "dispatch")
public class DispatchResource {

    @Inject
    Planner planner;

    @Inject
    Sender sender;

    @Inject
    Tenancy tenancy;

    @Inject
    AsyncDispatch asyncDispatch;

    /** Returns the report of every automation: 200 when none failed, 502 when any did. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dispatch one event to its automations", description = """
            For each automation: decides whether the event triggers it, renders its payload template, resolves the \
            entity's secrets, signs the exact bytes and POSTs them to the integration's URL, all deliveries \
            concurrently. Every automation is checked before anything is sent: bad input is a problem detail and \
            nothing is sent. The report has one entry per automation, in request order.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "github-dispatch", summary = "W&B's GitHub repository-dispatch example",
                    value = OpenApiExamples.DISPATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "Every automation was delivered, skipped or dry-run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DispatchReport.class),
                    examples = @ExampleObject(name = "delivered", value = OpenApiExamples.DISPATCH_DELIVERED)))
    @APIResponse(responseCode = "202", description = """
            async=true: every check passed; each automation that fired is QUEUED (or, dispatched before, as it \
            stands: QUEUED, DELIVERED or FAILED), the others SKIPPED""",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DispatchReport.class)))
    @APIResponse(responseCode = "502", description = "At least one delivery failed; the body is still the full report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DispatchReport.class),
                    examples = @ExampleObject(name = "failed", value = OpenApiExamples.DISPATCH_FAILED)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @APIResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
    @APIResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
    @APIResponse(responseCode = "503", ref = "#/components/responses/StoreUnavailable")
    public RestResponse<DispatchReport> dispatch(@NotNull(message = "request body is required") @Valid DispatchRequest request,
            @Parameter(description = "Evaluate, render and sign, but send nothing (outcome DRY_RUN)") @RestQuery
            boolean dryRun,
            @Parameter(description = """
                    Check everything as a synchronous dispatch does, then queue the deliveries and answer 202 at once \
                    (outcome QUEUED; the status is at /v1/deliveries/{deliveryId}). The same event again queues \
                    nothing new and reports each delivery as it stands.""") @RestQuery boolean async,
            HttpServerRequest http) {
        if (async && dryRun) {
            throw new BadRequestException("async and dryRun cannot be combined: a dry run queues nothing");
        }
        tenancy.authorize(Caller.of(http), request.event().entity().name());
        if (async) {
            return RestResponse.status(RestResponse.Status.ACCEPTED, asyncDispatch.dispatch(request));
        }
        Plan plan = planner.plan(request.event(), request.integrations(), request.automations(), dryRun);
        DispatchReport report = sender.send(plan, dryRun);
        return RestResponse.status(report.anyFailed() ? RestResponse.Status.BAD_GATEWAY : RestResponse.Status.OK,
                report);
    }
}

package dev.webhookrelay.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import dev.webhookrelay.dispatch.DeliveryReport;
import dev.webhookrelay.dispatch.Planner;
import dev.webhookrelay.dispatch.Sender;

/**
 * {@code POST /v1/webhooks/test}: W&B's "Test webhook". Sends the payload with the integration's credentials and
 * signature and reports the one delivery.
 */
@Path("/v1/webhooks/test")
@Tag(name = "webhooks")
public class WebhookTestResource {

    @Inject
    Planner planner;

    @Inject
    Sender sender;

    /** Returns the delivery report: 200 when delivered (or a dry run), 502 when it failed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Test a webhook integration, as W&B's \"Test webhook\" does", description = """
            Sends the payload ({} when absent; a JSON object or a JSON string holding one, in which the integration's \
            secrets may be used as ${NAME} and ${ACCESS_TOKEN}) with the integration's credentials and signature, and \
            reports the one delivery.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "github-dispatch", value = OpenApiExamples.WEBHOOK_TEST_REQUEST)))
    @APIResponse(responseCode = "200", description = "Delivered, or a dry run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryReport.class),
                    examples = @ExampleObject(name = "delivered", value = OpenApiExamples.WEBHOOK_TEST_DELIVERED)))
    @APIResponse(responseCode = "502", description = "The delivery failed; the body is still its report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryReport.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
    @APIResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
    @APIResponse(responseCode = "503", ref = "#/components/responses/StoreUnavailable")
    public RestResponse<DeliveryReport> test(@NotNull(message = "request body is required") @Valid WebhookTestRequest request,
            @Parameter(description = "Render and sign, but send nothing (outcome DRY_RUN)") @RestQuery
            boolean dryRun) {
        DeliveryReport report = sender.send(planner.planTest(request.entity(), request.integration(), request.payload()),
                dryRun).deliveries().get(0);
        return RestResponse.status(report.failed() ? RestResponse.Status.BAD_GATEWAY : RestResponse.Status.OK, report);
    }
}

package dev.webhookrelay.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code POST /v1/webhooks/test}: W&B's "Test webhook". Sends the payload with the integration's credentials and
 * signature and reports the one delivery.
 */
@Path("/v1/webhooks/test")
public class WebhookTestResource {

    /** The automation name a test delivery reports, and hashes into no delivery id: test ids are random. */
    static final String TEST_AUTOMATION = "webhook-test";

    @Inject
    Dispatcher dispatcher;

    /** Returns the delivery report: 200 when delivered (or a dry run), 502 when it failed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<DeliveryReport> test(@NotNull(message = "request body is required") @Valid WebhookTestRequest request,
            @RestQuery boolean dryRun) {
        String templateField = "payload";
        DeliveryJob job = new DeliveryJob(TEST_AUTOMATION, request.entity().name(), request.integration(),
                "integration", DeliveryPreparer.templateText(request.payload(), templateField), templateField,
                DeliveryIds.of(null, TEST_AUTOMATION, request.integration().id()));
        DeliveryReport report = dispatcher.test(job, dryRun);
        return RestResponse.status(report.failed() ? RestResponse.Status.BAD_GATEWAY : RestResponse.Status.OK, report);
    }
}

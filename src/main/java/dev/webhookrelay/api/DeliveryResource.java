package dev.webhookrelay.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.webhookrelay.dispatch.DeliveryIds;
import dev.webhookrelay.queue.AsyncDeliveries;
import dev.webhookrelay.state.DeliveryRecord;
import dev.webhookrelay.tenancy.Caller;
import dev.webhookrelay.tenancy.Tenancy;

import io.vertx.core.http.HttpServerRequest;

/** {@code /v1/deliveries}: the status of async deliveries, and sending failed ones again. */
@Path("/v1/deliveries")
@Tag(name = "deliveries")
public class DeliveryResource {

    @Inject
    AsyncDeliveries deliveries;

    @Inject
    Tenancy tenancy;

    /** Returns the status of one async delivery, or 404. */
    @GET
    @Path("/{deliveryId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Status of an async delivery", description = """
            QUEUED (an attempt is waiting), DELIVERED, or FAILED (the retry schedule is exhausted or the failure \
            cannot be retried), with its last 20 attempts kept, redacted, their count, and the next attempt's time. Kept for \
            relay.state.ttl (default 30 days) after its last change.""")
    @APIResponse(responseCode = "200", description = "The delivery's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryStatusReport.class)))
    @APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "503", ref = "#/components/responses/StoreUnavailable")
    public RestResponse<?> status(@RestPath String deliveryId, HttpServerRequest http) {
        return authorized(deliveryId, http)
                .<RestResponse<?>> map(record -> RestResponse.ok(DeliveryStatusReport.of(record)))
                .orElseGet(() -> unknown(deliveryId));
    }

    /** Queues a FAILED delivery again: 202, or 409 when it is not FAILED, or 404. */
    @POST
    @Path("/{deliveryId}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a failed async delivery again", description = """
            A FAILED delivery gets a new round of the retry schedule, its first attempt at once.""")
    @APIResponse(responseCode = "202", description = "Queued again; its status says how it goes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryStatusReport.class)))
    @APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "503", ref = "#/components/responses/StoreUnavailable")
    public RestResponse<?> retry(@RestPath String deliveryId, HttpServerRequest http) {
        Optional<DeliveryRecord> found = authorized(deliveryId, http);
        if (found.isEmpty()) {
            return unknown(deliveryId);
        }
        return deliveries.retry(found.get())
                .<RestResponse<?>> map(queued -> RestResponse.status(RestResponse.Status.ACCEPTED,
                        DeliveryStatusReport.of(queued)))
                .orElseGet(() -> ProblemMapper.problem(409, "delivery-not-failed", "Delivery is not failed",
                        "Delivery " + deliveryId + " is " + deliveries.status(deliveryId).map(DeliveryRecord::status)
                                .map(Enum::name).orElse("gone") + "; only a FAILED delivery can be retried", null));
    }

    /** Queues again every delivery that failed since a time, up to a cap per call. */
    @POST
    @Path("/retry")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send again every async delivery that failed since a time", description = """
            After an outage: queues again, as the retry of one delivery does, the deliveries that became FAILED at or \
            after failedSince (at most 14 days ago), at most limit (1 to 200, default 200) per call; call again \
            while it queues some. With entity, only that entity's deliveries; with relay.tenancy.* set, entity is \
            required and the caller must be allowed to act for it.""")
    @APIResponse(responseCode = "202", description = "The ids queued again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReplayReport.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @APIResponse(responseCode = "503", ref = "#/components/responses/StoreUnavailable")
    public RestResponse<?> replay(
            @Parameter(description = "ISO-8601 instant, e.g. 2026-12-01T10:00:00Z", required = true) @RestQuery
            String failedSince,
            @Parameter(description = "At most this many (1 to 200)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) @RestQuery
            String limit,
            @Parameter(description = "Only this entity's deliveries (required when tenancy is set)") @RestQuery
            String entity,
            HttpServerRequest http) {
        Caller caller = Caller.of(http);
        tenancy.requireIdentity(caller);
        if (entity == null) {
            tenancy.authorizeEveryEntity(caller);
        } else {
            tenancy.authorize(caller, entity);
        }
        Instant since;
        try {
            since = Instant.parse(String.valueOf(failedSince));
        } catch (DateTimeParseException e) {
            return invalid("failedSince must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
        }
        int count;
        try {
            count = limit == null ? AsyncDeliveries.MAX_REPLAY_COUNT : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            return invalid("limit must be a whole number from 1 to " + AsyncDeliveries.MAX_REPLAY_COUNT);
        }
        try {
            return RestResponse.status(RestResponse.Status.ACCEPTED, new ReplayReport(deliveries.replayFailedSince(
                    since, count, Optional.ofNullable(entity))));
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
    }

    /**
     * Returns the record of delivery {@code deliveryId}, once the caller of {@code http} may act for its entity; empty
     * when there is none.
     *
     * @throws dev.webhookrelay.tenancy.TenancyException if the caller may not
     */
    private Optional<DeliveryRecord> authorized(String deliveryId, HttpServerRequest http) {
        Caller caller = Caller.of(http);
        tenancy.requireIdentity(caller);
        if (!DeliveryIds.FORMAT.matcher(deliveryId).matches()) {
            return Optional.empty(); // No store is asked about an id no delivery can have.
        }
        Optional<DeliveryRecord> record = deliveries.status(deliveryId);
        record.ifPresent(found -> tenancy.authorize(caller, found.entity()));
        return record;
    }

    private static RestResponse<?> invalid(String detail) {
        return ProblemMapper.problem(400, "invalid-request", "Invalid request", detail, null);
    }

    private static RestResponse<?> unknown(String deliveryId) {
        String detail = DeliveryIds.FORMAT.matcher(deliveryId).matches()
                ? "No delivery " + deliveryId + " (never queued, or its status expired after relay.state.ttl)"
                : "No delivery has that id: a delivery id is dlv_ and 32 lowercase hex digits";
        return ProblemMapper.problem(404, "unknown-delivery", "Unknown delivery", detail, null);
    }
}

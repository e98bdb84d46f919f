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

/** {@code POST /v1/dispatch}: one event, any number of automations. */
@Path("/v1/dispatch")
public class DispatchResource {

    @Inject
    Dispatcher dispatcher;

    /** Returns the report of every automation: 200 when none failed, 502 when any did. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<DispatchReport> dispatch(@NotNull(message = "request body is required") @Valid DispatchRequest request,
            @RestQuery boolean dryRun) {
        DispatchReport report = dispatcher.dispatch(request, dryRun);
        return RestResponse.status(report.anyFailed() ? RestResponse.Status.BAD_GATEWAY : RestResponse.Status.OK,
                report);
    }
}

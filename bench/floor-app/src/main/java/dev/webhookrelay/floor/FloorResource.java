package dev.webhookrelay.floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /v1/dispatch} that reads nothing and does nothing: the floor the relay's cold start is measured against. */
@Path("/v1/dispatch")
public class FloorResource {

    static final String EMPTY_REPORT = "{\"deliveries\":[]}";

    /** Returns an empty report, whatever was posted. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String dispatch(String ignored) {
        return EMPTY_REPORT;
    }
}

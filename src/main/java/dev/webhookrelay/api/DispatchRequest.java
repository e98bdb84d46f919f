package dev.webhookrelay.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.Integration;

/** The body of {@code POST /v1/dispatch}: one event, the team's webhook integrations, and the automations to run. */
public record DispatchRequest(
        @NotNull(message = "is required") @Valid Event event,
        @NotNull(message = "is required") @Size(max = MAX_INTEGRATIONS, message = "must have at most {max} entries") List<@NotNull(message = "is required") @Valid Integration> integrations,
        @NotNull(message = "is required") @Size(max = MAX_AUTOMATIONS, message = "must have at most {max} entries") List<@NotNull(message = "is required") @Valid Automation> automations) {

    /** The most integrations one request may carry. */
    public static final int MAX_INTEGRATIONS = 100;

    /** The most automations one request may carry: the fan-out of one dispatch. */
    public static final int MAX_AUTOMATIONS = 100;
}

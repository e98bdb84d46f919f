package dev.webhookrelay.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.Integration;

/** The body of {@code POST /v1/dispatch}: one event, the team's webhook integrations, and the automations to run. */
public record DispatchRequest(
        @NotNull(message = "is required") @Valid Event event,
        @NotNull(message = "is required") List<@NotNull(message = "is required") @Valid Integration> integrations,
        @NotNull(message = "is required") List<@NotNull(message = "is required") @Valid Automation> automations) {
}

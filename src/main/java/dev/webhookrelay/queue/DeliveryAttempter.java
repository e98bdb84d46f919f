package dev.webhookrelay.queue;

import jakarta.enterprise.context.ApplicationScoped;

import dev.webhookrelay.delivery.Attempt;

/** Makes one attempt of a queued delivery. Wired to the planner and sender once the dispatch split lands (issue 10). */
@ApplicationScoped
class DeliveryAttempter {

    AttemptResult attempt(DeliveryMessage message) {
        return new AttemptResult.Permanent(new Attempt(null, 0, "not wired yet", null), "not wired yet");
    }
}

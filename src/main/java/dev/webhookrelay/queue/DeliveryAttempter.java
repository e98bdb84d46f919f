package dev.webhookrelay.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.webhookrelay.delivery.Attempt;
import dev.webhookrelay.delivery.Deadline;
import dev.webhookrelay.delivery.SingleAttempt;
import dev.webhookrelay.dispatch.DeliveryJob;
import dev.webhookrelay.dispatch.InvalidRequestException;
import dev.webhookrelay.dispatch.Planner;
import dev.webhookrelay.dispatch.PreparedDelivery;
import dev.webhookrelay.dispatch.Sender;
import dev.webhookrelay.secrets.SecretStoreException;

/**
 * Makes one attempt of a queued delivery with the synchronous path's two steps: the {@link Planner} resolves the
 * secrets again (through the cache), renders and signs; the {@link Sender} passes the egress guard again and sends it
 * once. The only step of the consumer that does HTTP. A job that no longer prepares (a secret deleted since) and a
 * secret the function may not read (denied by IAM or KMS: retrying cannot help until someone grants it, and then
 * {@code POST /v1/deliveries/{id}/retry} sends it again) are permanent failures; a secret store that does not answer
 * throws, so that the queue delivers the message again.
 */
@ApplicationScoped
class DeliveryAttempter {

    @Inject
    Planner planner;

    @Inject
    Sender sender;

    @Inject
    QueueConfig config;

    /** Returns how the attempt {@code message} asks for ended. */
    AttemptResult attempt(DeliveryMessage message) {
        QueuedJob job = message.job();
        PreparedDelivery prepared;
        try {
            prepared = planner.prepareAttempt(new DeliveryJob(job.automation(), job.entity(), job.integration(),
                    "integration", job.template(), "template", message.deliveryId()), job.variables());
        } catch (InvalidRequestException e) {
            return permanent(e.getMessage());
        } catch (SecretStoreException e) {
            if (e.reason() != SecretStoreException.Reason.ACCESS_DENIED) {
                throw e;
            }
            return permanent(e.getMessage());
        }
        SingleAttempt single = sender.attemptOnce(prepared, Deadline.after(config.attemptDeadline()));
        Attempt attempt = single.attempt();
        if (attempt.succeeded()) {
            return new AttemptResult.Delivered(attempt);
        }
        if (single.retryable()) {
            return new AttemptResult.Retryable(attempt, single.retryAfter());
        }
        return new AttemptResult.Permanent(attempt);
    }

    /** Returns the end of an attempt that could not be made, for {@code reason}, which names no secret value. */
    private static AttemptResult permanent(String reason) {
        return new AttemptResult.Permanent(new Attempt(null, 0.0, reason, null));
    }
}

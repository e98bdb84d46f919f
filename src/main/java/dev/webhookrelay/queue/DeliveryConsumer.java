package dev.webhookrelay.queue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.webhookrelay.delivery.Attempt;
import dev.webhookrelay.metrics.DeliverySample;
import dev.webhookrelay.metrics.DispatchMetrics;
import dev.webhookrelay.state.AttemptRecord;
import dev.webhookrelay.state.DeliveryRecord;
import dev.webhookrelay.state.DeliveryStateStore;
import dev.webhookrelay.state.DeliveryStatus;
import dev.webhookrelay.state.StateConfig;

/**
 * Handles one queued attempt: checks it against the delivery's status, makes the attempt, records it with a write
 * conditioned on the attempt count it read, and then queues the next attempt (persist, then enqueue). A message that
 * is early (an SQS wait longer than 15 minutes) is sent on for the time left; one that is stale or a duplicate (the
 * attempt was made, or the delivery ended) is a no-op, except that a delivery whose next attempt may not have been
 * queued (the enqueue after the write failed) has it queued again once that attempt is {@link #OVERDUE} late: a
 * message whose attempt is recorded waits until then, so that a mere duplicate finds the next attempt made and ends,
 * rather than queue a second copy of it (which would be sent twice when both are handled at once). A target's failure is handled here; the status
 * store, the queue or the secret store failing throws, so that the queue delivers the message again. Each attempt
 * recorded writes its metrics: an attempt, and the delivery's outcome once it is final. Safe for concurrent use.
 */
@ApplicationScoped
public class DeliveryConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class);

    /**
     * How long after its due time a delivery's next attempt counts as never queued. Its message is visible from the due
     * time on and handled within seconds; a few failed receives (360 s of visibility each) fit too.
     */
    static final Duration OVERDUE = Duration.ofMinutes(15);

    private final InstantSource clock = InstantSource.system();

    @Inject
    DeliveryStateStore state;

    @Inject
    DeliveryQueue queue;

    @Inject
    DeliveryAttempter attempter;

    @Inject
    RetryDecider decider;

    @Inject
    StateConfig stateConfig;

    @Inject
    DispatchMetrics metrics;

    /** Handles {@code message}; throws when it must be handled again later. */
    public void handle(DeliveryMessage message) {
        Instant now = clock.instant();
        if (message.notBefore().isAfter(now)) {
            queue.enqueue(message); // A hop: the rest of a wait longer than the queue's own timer.
            return;
        }
        Optional<DeliveryRecord> found = state.find(message.deliveryId());
        if (found.isEmpty()) {
            LOG.warnf("Delivery %s has no status (expired or never recorded); attempt %d dropped",
                    message.deliveryId(), message.attempt());
            return;
        }
        DeliveryRecord record = found.get();
        if (record.status() != DeliveryStatus.QUEUED) {
            return; // Ended already: a duplicate message.
        }
        if (record.attemptCount() == message.attempt() && record.nextAttemptAt() != null) {
            // Recorded, and the next attempt not made yet: its message may never have been queued.
            Instant overdue = record.nextAttemptAt().plus(OVERDUE);
            queue.enqueue(now.isBefore(overdue) ? message.dueAt(overdue) : message.next(now));
            return;
        }
        if (record.attemptCount() != message.attempt() - 1) {
            return; // Stale.
        }
        Instant started = clock.instant();
        AttemptResult result = attempter.attempt(message);
        Instant ended = clock.instant();
        Decision decision = decider.decide(message, result, ended);
        DeliveryRecord next = record.withAttempt(attemptRecord(started, result.attempt()), status(decision),
                decision instanceof Decision.RetryAt retry ? retry.at() : null, ended,
                ended.plus(stateConfig.ttl()));
        if (!state.replace(next, DeliveryStatus.QUEUED, record.attemptCount())) {
            return; // Another consumer recorded this attempt first.
        }
        if (decision instanceof Decision.RetryAt retry) {
            queue.enqueue(message.next(retry.at()));
        }
        log(message, next, decision, Duration.between(started, ended));
        metrics.record(List.of(new DeliverySample(host(message), sampleResult(next.status()), 1,
                result.attempt().durationMs())));
    }

    private static DeliverySample.Result sampleResult(DeliveryStatus status) {
        return switch (status) {
            case DELIVERED -> DeliverySample.Result.DELIVERED;
            case FAILED -> DeliverySample.Result.FAILED;
            case QUEUED -> DeliverySample.Result.RETRYING;
        };
    }

    private static String host(DeliveryMessage message) {
        try {
            return URI.create(message.job().integration().urlEndpoint()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DeliveryStatus status(Decision decision) {
        if (decision instanceof Decision.Done) {
            return DeliveryStatus.DELIVERED;
        }
        return decision instanceof Decision.RetryAt ? DeliveryStatus.QUEUED : DeliveryStatus.FAILED;
    }

    private static AttemptRecord attemptRecord(Instant at, Attempt attempt) {
        return new AttemptRecord(at, attempt.statusCode(), attempt.durationMs(), attempt.error(),
                attempt.responseBody());
    }

    private static void log(DeliveryMessage message, DeliveryRecord next, Decision decision, Duration took) {
        String outcome = decision instanceof Decision.GiveUp giveUp ? "FAILED: " + giveUp.reason()
                : next.status() + (next.nextAttemptAt() != null ? ", next attempt at " + next.nextAttemptAt() : "");
        LOG.infof("Delivery %s attempt %d (%s) took %d ms: %s", message.deliveryId(), message.attempt(),
                message.trigger(), took.toMillis(), outcome);
    }
}

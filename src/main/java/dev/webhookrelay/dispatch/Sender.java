package dev.webhookrelay.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import dev.webhookrelay.delivery.Attempt;
import dev.webhookrelay.delivery.Deadline;
import dev.webhookrelay.delivery.Deliverer;
import dev.webhookrelay.delivery.DeliveryResult;
import dev.webhookrelay.delivery.SingleAttempt;
import dev.webhookrelay.metrics.DeliverySample;
import dev.webhookrelay.metrics.DispatchMetrics;

/**
 * The second half of a dispatch: sends every delivery of a {@link Plan} concurrently and waits for all of them, but
 * never past the plan's deadline; a delivery still in flight then is reported as failed. A dry run sends nothing and
 * only checks each target against the egress rules. Each delivery is logged ({@link DeliveryLog}); a metered plan that
 * is not a dry run records its metrics. Safe for concurrent use.
 */
public final class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class);

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** How long past the deadline the dispatch waits for attempts that are being cut off. */
    private static final long GRACE_MS = 250;

    private final Deliverer deliverer;
    private final DeliveryLog log;
    private final DispatchMetrics metrics;

    Sender(Deliverer deliverer, DeliveryLog log, DispatchMetrics metrics) {
        this.deliverer = Objects.requireNonNull(deliverer, "deliverer == null");
        this.log = Objects.requireNonNull(log, "log == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    }

    /** Returns the report of every automation of {@code plan}, in its order, once sent (or checked, when {@code dryRun}). */
    public DispatchReport send(Plan plan, boolean dryRun) {
        long sending = System.nanoTime();
        List<Sending> sends = new ArrayList<>(plan.automations().size());
        for (Planned planned : plan.automations()) {
            if (planned instanceof Planned.Send send) {
                sends.add(new Sending(send.delivery(), send(send.delivery(), dryRun, plan.deadline())));
            } else {
                // Not contacted: the metrics give it no host of its own.
                sends.add(new Sending(null,
                        CompletableFuture.completedFuture(new Finished(((Planned.Skip) planned).report(), null, 0))));
            }
        }
        List<Finished> finished = await(sends, plan.deadline(), sending);
        if (plan.metered() && !dryRun) {
            metrics.record(finished.stream().map(Finished::sample).toList());
        }
        return ReportLimits.fit(finished.stream().map(Finished::report).toList());
    }

    /** One automation being sent: its delivery (null when skipped, which is finished already) and how it ends. */
    private record Sending(PreparedDelivery delivery, CompletableFuture<Finished> finished) {
    }

    /**
     * One automation at the end: its report, its target's host if the relay contacted it (passed the egress guard; else
     * null), and how long its delivery took.
     */
    private record Finished(DeliveryReport report, String targetHost, double durationMs) {

        DeliverySample sample() {
            DeliverySample.Result result = switch (report.outcome()) {
                case DELIVERED -> DeliverySample.Result.DELIVERED;
                case SKIPPED -> DeliverySample.Result.SKIPPED;
                case FAILED -> DeliverySample.Result.FAILED;
                case DRY_RUN -> throw new IllegalStateException("A dry run records no metrics");
                case QUEUED -> throw new IllegalStateException("A queued delivery is not sent by a plan");
            };
            return new DeliverySample(targetHost, result, report.attempts().size(), durationMs);
        }
    }

    private CompletableFuture<Finished> send(PreparedDelivery prepared, boolean dryRun, Deadline deadline) {
        if (dryRun) {
            long started = System.nanoTime();
            return deliverer.checkEgress(prepared.request().url(), deadline).toCompletableFuture()
                    .thenApply(refusal -> finish(prepared,
                            new DeliveryResult(false, refusal.orElse(null), List.of(), false),
                            refusal.isPresent() ? Outcome.FAILED : Outcome.DRY_RUN, started));
        }
        long started = System.nanoTime();
        return deliverer.deliver(prepared.request(), deadline).toCompletableFuture()
                .thenApply(result -> finish(prepared, result, result.delivered() ? Outcome.DELIVERED : Outcome.FAILED,
                        started));
    }

    private List<Finished> await(List<Sending> sends, Deadline deadline, long sending) {
        try {
            CompletableFuture.allOf(sends.stream().map(Sending::finished).toArray(CompletableFuture[]::new))
                    .get(deadline.remaining().toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Dispatch deadline reached with deliveries still in flight");
        } catch (ExecutionException e) {
            throw new IllegalStateException("A delivery failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for deliveries", e);
        }
        List<Finished> done = new ArrayList<>(sends.size());
        for (Sending send : sends) {
            done.add(send.finished().isDone() ? send.finished().join()
                    : finish(send.delivery(),
                            DeliveryResult.refused("dispatch deadline reached before the delivery ended"),
                            Outcome.FAILED, sending));
        }
        return done;
    }

    /** Returns how {@code prepared} ended, started at {@code started} (System.nanoTime), and logs it. */
    private Finished finish(PreparedDelivery prepared, DeliveryResult result, Outcome outcome, long started) {
        List<Attempt> attempts = result.attempts().stream().map(a -> redact(prepared, a)).toList();
        DeliveryReport report = new DeliveryReport(prepared.automation(), prepared.integration(), outcome,
                prepared.redact(result.reason()), prepared.deliveryId(), prepared.warnings(), prepared.reported(),
                attempts);
        double durationMs = (System.nanoTime() - started) / NANOS_PER_MILLI;
        log.delivered(prepared, outcome, attempts, durationMs);
        return new Finished(report, result.contacted() ? prepared.request().url().getHost() : null, durationMs);
    }

    /**
     * Returns one attempt at sending {@code prepared}, without retrying, finished by {@code deadline}: redacted and
     * logged, as the queue consumer of the async mode makes them.
     */
    public SingleAttempt attemptOnce(PreparedDelivery prepared, Deadline deadline) {
        long started = System.nanoTime();
        SingleAttempt single;
        try {
            single = deliverer.attemptOnce(prepared.request(), deadline).toCompletableFuture()
                    .get(deadline.remaining().toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            single = new SingleAttempt(new Attempt(null, (System.nanoTime() - started) / NANOS_PER_MILLI,
                    "timeout: attempt deadline reached", null), true, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("An attempt failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an attempt", e);
        }
        Attempt attempt = redact(prepared, single.attempt());
        log.delivered(prepared, attempt.succeeded() ? Outcome.DELIVERED : Outcome.FAILED, List.of(attempt),
                (System.nanoTime() - started) / NANOS_PER_MILLI);
        return new SingleAttempt(attempt, single.retryable(), single.retryAfter());
    }

    private static Attempt redact(PreparedDelivery prepared, Attempt attempt) {
        return new Attempt(attempt.statusCode(), attempt.durationMs(), prepared.redact(attempt.error()),
                prepared.redactResponse(attempt.responseBody()));
    }
}

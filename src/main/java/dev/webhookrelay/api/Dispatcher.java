package dev.webhookrelay.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.webhookrelay.delivery.Attempt;
import dev.webhookrelay.delivery.Deadline;
import dev.webhookrelay.delivery.Deliverer;
import dev.webhookrelay.delivery.DeliveryConfig;
import dev.webhookrelay.delivery.DeliveryException;
import dev.webhookrelay.delivery.DeliveryResult;
import dev.webhookrelay.metrics.DeliverySample;
import dev.webhookrelay.metrics.DispatchMetrics;
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.Integration;
import dev.webhookrelay.payload.EventVariables;
import dev.webhookrelay.runwindow.RunWindowKey;
import dev.webhookrelay.runwindow.RunWindows;
import dev.webhookrelay.state.StateStoreException;
import dev.webhookrelay.trigger.InvalidFilterException;
import dev.webhookrelay.trigger.TriggerEvaluator;
import dev.webhookrelay.trigger.Verdict;

/**
 * Runs the flow of one request. First, for every automation, it checks the request, decides whether the automation
 * fires, and renders and signs what it would send; any bad input stops the request there, before anything is sent.
 * Then it sends every delivery concurrently and waits for all of them, but never past the dispatch deadline. Each
 * delivery that fired is logged ({@link DeliveryLog}); each dispatch that is not a dry run records its metrics.
 */
@ApplicationScoped
class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** How long past the deadline the dispatch waits for attempts that are being cut off. */
    private static final long GRACE_MS = 250;

    private final TriggerEvaluator triggers = new TriggerEvaluator();

    @Inject
    DeliveryPreparer preparer;

    @Inject
    Deliverer deliverer;

    @Inject
    DeliveryConfig config;

    @Inject
    DeliveryLog log;

    @Inject
    DispatchMetrics metrics;

    @Inject
    RunWindows windows;

    /** Returns the report of dispatching {@code request}'s event to its automations. */
    DispatchReport dispatch(DispatchRequest request, boolean dryRun) {
        Deadline deadline = Deadline.after(config.deadline());
        Event event = request.event();
        Map<String, Integer> integrationIndex = indexIntegrations(request.integrations());
        Map<String, String> variables = EventVariables.of(event);
        DeliveryPreparer.SecretMemo memo = new DeliveryPreparer.SecretMemo();

        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < request.automations().size(); i++) {
            Automation automation = request.automations().get(i);
            String field = "automations[" + i + "]";
            String integrationId = automation.action().integrationID();
            Integer integrationAt = integrationIndex.get(integrationId);
            if (integrationAt == null) {
                throw new InvalidRequestException(field + ".triggeredActionConfig.genericWebhookActionInput.integrationID",
                        "No integration with id " + integrationId + " in integrations");
            }
            Integration integration = request.integrations().get(integrationAt);
            String templateField = field + ".triggeredActionConfig.genericWebhookActionInput.requestPayload";
            String template = DeliveryPreparer.templateText(automation.action().requestPayload(), templateField);
            Verdict verdict = evaluate(event, automation, field);
            String deliveryId = DeliveryIds.of(event.id(), automation.name(), integration.id());
            DeliveryJob job = new DeliveryJob(automation.name(), event.entity().name(), integration,
                    "integrations[" + integrationAt + "]", template, templateField, deliveryId);
            if (verdict.fires()) {
                plans.add(new Plan(preparer.prepare(job,
                        EventVariables.forAutomation(variables, automation.name(), verdict.metric()), memo),
                        window(event, automation), null));
            } else {
                preparer.checkTemplate(job); // A template that cannot render is bad input even when it is not sent.
                plans.add(new Plan(null, null, skipped(automation.name(), integration.displayName(), verdict.reason(),
                        deliveryId, hostOf(integration.urlEndpoint()))));
            }
        }
        plans = claimWindows(plans, dryRun);

        List<CompletableFuture<Finished>> sends = new ArrayList<>();
        long sending = System.nanoTime();
        for (Plan plan : plans) {
            sends.add(plan.skipped() != null ? CompletableFuture.completedFuture(plan.skipped())
                    : send(plan.prepared(), dryRun, deadline));
        }
        List<Finished> finished = await(sends, plans, deadline, sending);
        if (!dryRun) {
            metrics.record(finished.stream().map(Finished::sample).toList());
        }
        return new DispatchReport(finished.stream().map(Finished::report).toList());
    }

    /**
     * One automation after the checks: a delivery to send, with the once-per-run {@code window} it needs (null for
     * artifact events), or a skipped automation, already finished.
     */
    private record Plan(PreparedDelivery prepared, RunWindowKey window, Finished skipped) {
    }

    /** Returns the once-per-run window {@code automation} needs to fire for {@code event}, or null when none. */
    private RunWindowKey window(Event event, Automation automation) {
        if (!event.eventType().isRunEvent() || !windows.enabled()) {
            return null;
        }
        return RunWindowKey.of(event, automation).orElseThrow(() -> new InvalidRequestException("event.run.id",
                "is required for run events: an automation fires at most once per run (relay.run-window.enabled)"));
    }

    /**
     * Returns {@code plans} with each delivery whose once-per-run window is held turned into a skip. A real dispatch
     * claims the windows of the others; a dry run only reads them. When the store fails, the windows this call claimed
     * are given back and the failure propagates: nothing is sent.
     */
    private List<Plan> claimWindows(List<Plan> plans, boolean dryRun) {
        List<Plan> claimed = new ArrayList<>(plans.size());
        List<RunWindowKey> taken = new ArrayList<>();
        try {
            for (Plan plan : plans) {
                if (plan.window() == null) {
                    claimed.add(plan);
                    continue;
                }
                PreparedDelivery prepared = plan.prepared();
                Optional<String> held = dryRun ? windows.held(plan.window())
                        : windows.claim(plan.window(), prepared.automation(), prepared.integration());
                if (held.isPresent()) {
                    claimed.add(new Plan(null, null, skipped(prepared.automation(), prepared.integration(), held.get(),
                            prepared.deliveryId(), prepared.request().url().getHost())));
                } else {
                    taken.add(plan.window());
                    claimed.add(plan);
                }
            }
        } catch (StateStoreException e) {
            if (!dryRun) {
                taken.forEach(windows::release);
            }
            throw e;
        }
        return claimed;
    }

    private static Finished skipped(String automation, String integration, String reason, String deliveryId,
            String host) {
        return new Finished(new DeliveryReport(automation, integration, Outcome.SKIPPED, reason, deliveryId, List.of(),
                null, List.of()), host, 0);
    }

    /** One automation at the end: its report, its target's host, and how long its delivery took. */
    private record Finished(DeliveryReport report, String targetHost, double durationMs) {

        DeliverySample sample() {
            DeliverySample.Result result = switch (report.outcome()) {
                case DELIVERED -> DeliverySample.Result.DELIVERED;
                case SKIPPED -> DeliverySample.Result.SKIPPED;
                case FAILED -> DeliverySample.Result.FAILED;
                case DRY_RUN -> throw new IllegalStateException("A dry run records no metrics");
            };
            return new DeliverySample(targetHost, result, report.attempts().size(), durationMs);
        }
    }

    /** Returns the report of sending {@code job} alone, as W&B's "Test webhook" does. */
    DeliveryReport test(DeliveryJob job, boolean dryRun) {
        Deadline deadline = Deadline.after(config.deadline());
        PreparedDelivery prepared = preparer.prepare(job, EventVariables.withoutEvent(job.entity()),
                new DeliveryPreparer.SecretMemo());
        long sending = System.nanoTime();
        return await(List.of(send(prepared, dryRun, deadline)), List.of(new Plan(prepared, null, null)), deadline, sending)
                .get(0).report();
    }

    private CompletableFuture<Finished> send(PreparedDelivery prepared, boolean dryRun, Deadline deadline) {
        if (dryRun) {
            String refusal = null;
            try {
                deliverer.checkEgress(prepared.request().url());
            } catch (DeliveryException e) {
                refusal = e.getMessage();
            }
            return CompletableFuture.completedFuture(finish(prepared,
                    new DeliveryResult(false, refusal, List.of()), refusal == null ? Outcome.DRY_RUN : Outcome.FAILED,
                    System.nanoTime()));
        }
        long started = System.nanoTime();
        return deliverer.deliver(prepared.request(), deadline).toCompletableFuture()
                .thenApply(result -> finish(prepared, result, result.delivered() ? Outcome.DELIVERED : Outcome.FAILED,
                        started));
    }

    private List<Finished> await(List<CompletableFuture<Finished>> reports, List<Plan> plans, Deadline deadline,
            long sending) {
        try {
            CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
                    .get(deadline.remaining().toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Dispatch deadline reached with deliveries still in flight");
        } catch (ExecutionException e) {
            throw new IllegalStateException("A delivery failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for deliveries", e);
        }
        List<Finished> done = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            PreparedDelivery prepared = plans.get(i).prepared();
            done.add(reports.get(i).isDone() ? reports.get(i).join()
                    : finish(prepared, DeliveryResult.refused("dispatch deadline reached before the delivery ended"),
                            Outcome.FAILED, sending));
        }
        return done;
    }

    /** Returns how {@code prepared} ended, started at {@code started} (System.nanoTime), and logs it. */
    private Finished finish(PreparedDelivery prepared, DeliveryResult result, Outcome outcome, long started) {
        List<Attempt> attempts = result.attempts().stream()
                .map(a -> new Attempt(a.statusCode(), a.durationMs(), prepared.redact(a.error()),
                        prepared.redact(a.responseBody())))
                .toList();
        DeliveryReport report = new DeliveryReport(prepared.automation(), prepared.integration(), outcome,
                prepared.redact(result.reason()), prepared.deliveryId(), prepared.warnings(), prepared.reported(),
                attempts);
        double durationMs = (System.nanoTime() - started) / NANOS_PER_MILLI;
        log.delivered(prepared, outcome, attempts, durationMs);
        return new Finished(report, prepared.request().url().getHost(), durationMs);
    }

    /** Returns the host of an integration URL that was not checked, because its automation did not fire; or null. */
    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Verdict evaluate(Event event, Automation automation, String field) {
        try {
            return triggers.evaluate(event, automation);
        } catch (InvalidFilterException e) {
            throw new InvalidRequestException(field + ".eventFilter", e.getMessage(), e);
        }
    }

    private static Map<String, Integer> indexIntegrations(List<Integration> integrations) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < integrations.size(); i++) {
            if (index.putIfAbsent(integrations.get(i).id(), i) != null) {
                throw new InvalidRequestException("integrations[" + i + "].id",
                        "Duplicate integration id " + integrations.get(i).id());
            }
        }
        return index;
    }
}

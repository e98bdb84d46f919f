package dev.webhookrelay.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.Integration;
import dev.webhookrelay.payload.EventVariables;
import dev.webhookrelay.trigger.InvalidFilterException;
import dev.webhookrelay.trigger.TriggerEvaluator;
import dev.webhookrelay.trigger.Verdict;

/**
 * Runs the flow of one request. First, for every automation, it checks the request, decides whether the automation
 * fires, and renders and signs what it would send; any bad input stops the request there, before anything is sent.
 * Then it sends every delivery concurrently and waits for all of them, but never past the dispatch deadline.
 */
@ApplicationScoped
class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** How long past the deadline the dispatch waits for attempts that are being cut off. */
    private static final long GRACE_MS = 250;

    private final TriggerEvaluator triggers = new TriggerEvaluator();

    @Inject
    DeliveryPreparer preparer;

    @Inject
    Deliverer deliverer;

    @Inject
    DeliveryConfig config;

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
                plans.add(new Plan(preparer.prepare(job, variables, memo), null));
            } else {
                preparer.checkTemplate(job); // A template that cannot render is bad input even when it is not sent.
                plans.add(new Plan(null, new DeliveryReport(automation.name(), integration.displayName(),
                        Outcome.SKIPPED, verdict.reason(), deliveryId, List.of(), null, List.of())));
            }
        }

        List<CompletableFuture<DeliveryReport>> reports = new ArrayList<>();
        for (Plan plan : plans) {
            reports.add(plan.skipped() != null ? CompletableFuture.completedFuture(plan.skipped())
                    : send(plan.prepared(), dryRun, deadline));
        }
        return new DispatchReport(await(reports, plans, deadline));
    }

    /** One automation after the checks: a delivery to send, or the report of a skipped automation. */
    private record Plan(PreparedDelivery prepared, DeliveryReport skipped) {
    }

    /** Returns the report of sending {@code job} alone, as W&B's "Test webhook" does. */
    DeliveryReport test(DeliveryJob job, boolean dryRun) {
        Deadline deadline = Deadline.after(config.deadline());
        PreparedDelivery prepared = preparer.prepare(job, EventVariables.withoutEvent(job.entity()),
                new DeliveryPreparer.SecretMemo());
        return await(List.of(send(prepared, dryRun, deadline)), List.of(new Plan(prepared, null)), deadline).get(0);
    }

    private CompletableFuture<DeliveryReport> send(PreparedDelivery prepared, boolean dryRun, Deadline deadline) {
        if (dryRun) {
            String refusal = null;
            try {
                deliverer.checkEgress(prepared.request().url());
            } catch (DeliveryException e) {
                refusal = e.getMessage();
            }
            return CompletableFuture.completedFuture(report(prepared,
                    new DeliveryResult(false, refusal, List.of()), refusal == null ? Outcome.DRY_RUN : Outcome.FAILED));
        }
        return deliverer.deliver(prepared.request(), deadline).toCompletableFuture()
                .thenApply(result -> report(prepared, result, result.delivered() ? Outcome.DELIVERED : Outcome.FAILED));
    }

    private List<DeliveryReport> await(List<CompletableFuture<DeliveryReport>> reports, List<Plan> plans,
            Deadline deadline) {
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
        List<DeliveryReport> done = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            PreparedDelivery prepared = plans.get(i).prepared();
            done.add(reports.get(i).isDone() ? reports.get(i).join()
                    : report(prepared, DeliveryResult.refused("dispatch deadline reached before the delivery ended"),
                            Outcome.FAILED));
        }
        return done;
    }

    private static DeliveryReport report(PreparedDelivery prepared, DeliveryResult result, Outcome outcome) {
        List<Attempt> attempts = result.attempts().stream()
                .map(a -> new Attempt(a.statusCode(), a.durationMs(), prepared.redact(a.error()),
                        prepared.redact(a.responseBody())))
                .toList();
        DeliveryReport report = new DeliveryReport(prepared.automation(), prepared.integration(), outcome,
                prepared.redact(result.reason()), prepared.deliveryId(), prepared.warnings(), prepared.reported(),
                attempts);
        if (outcome != Outcome.SKIPPED) {
            Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
            LOG.infof("delivery id=%s automation=%s integration=%s host=%s outcome=%s attempts=%d status=%s",
                    prepared.deliveryId(), prepared.automation(), prepared.integration(),
                    prepared.request().url().getHost(), outcome, attempts.size(),
                    last == null ? null : last.statusCode());
        }
        return report;
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

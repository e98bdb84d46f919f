package dev.webhookrelay.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.delivery.Deadline;
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.Integration;
import dev.webhookrelay.payload.EventVariables;
import dev.webhookrelay.runwindow.RunWindowKey;
import dev.webhookrelay.runwindow.RunWindows;
import dev.webhookrelay.secrets.DestinationPolicy;
import dev.webhookrelay.secrets.SecretStore;
import dev.webhookrelay.state.StateStoreException;
import dev.webhookrelay.trigger.InvalidFilterException;
import dev.webhookrelay.trigger.TriggerEvaluator;
import dev.webhookrelay.trigger.Verdict;

/**
 * The first half of a dispatch: checks a request and decides, for every automation, whether it fires; renders and
 * signs what each one that fires would send ({@link Planned.Send}), and finishes each one that does not
 * ({@link Planned.Skip}). Any bad input is an {@link InvalidRequestException} naming the field, thrown before anything
 * is sent: the planner sends nothing. Last, once every automation has passed its checks (and the caller's own checks
 * of each delivery, such as the async mode's), an automation on run events that fires claims its once-per-run window
 * ({@link RunWindows}); one whose window is held is skipped. A {@link Sender} sends the plan; a caller that ends up
 * not sending some of it gives their windows back ({@link #giveBack}). Safe for concurrent use if its secret store and
 * state store are.
 */
public final class Planner {

    /** The automation name a test webhook reports. Its delivery id is random, as for an event without an id. */
    static final String TEST_AUTOMATION = "webhook-test";

    private final TriggerEvaluator triggers = new TriggerEvaluator();
    private final DeliveryPreparer preparer;
    private final RunWindows windows;
    private final Duration budget;

    /**
     * Resolves secrets from {@code store}, sends each only where {@code destinations} allows, and keeps once-per-run
     * windows in {@code windows}; each plan must be sent within {@code budget} of its start.
     */
    public Planner(SecretStore store, DestinationPolicy destinations, RunWindows windows, Duration budget) {
        this.preparer = new DeliveryPreparer(Objects.requireNonNull(store, "store == null"),
                Objects.requireNonNull(destinations, "destinations == null"));
        this.windows = Objects.requireNonNull(windows, "windows == null");
        this.budget = Objects.requireNonNull(budget, "budget == null");
    }

    /**
     * Returns the plan of dispatching {@code event} to {@code automations}, which name their integration among
     * {@code integrations}; one automation and its integration plan one delivery. The plan of a {@code dryRun} claims
     * no once-per-run window: it only reads them.
     *
     * @throws InvalidRequestException if any automation cannot be carried out
     * @throws dev.webhookrelay.state.StateStoreException if the store of the once-per-run windows cannot answer;
     *         the windows this plan claimed are given back
     */
    public Plan plan(Event event, List<Integration> integrations, List<Automation> automations, boolean dryRun) {
        return plan(event, integrations, automations, dryRun, send -> {
        });
    }

    /**
     * Returns the plan of {@link #plan(Event, List, List, boolean)}, once {@code check} has passed every delivery that
     * fires: it runs after every other check and before any once-per-run window is claimed, so a delivery it refuses
     * claims nothing.
     *
     * @throws InvalidRequestException if any automation cannot be carried out, by {@code check} too
     * @throws dev.webhookrelay.state.StateStoreException if the store of the once-per-run windows cannot answer;
     *         the windows this plan claimed are given back
     */
    public Plan plan(Event event, List<Integration> integrations, List<Automation> automations, boolean dryRun,
            Consumer<Planned.Send> check) {
        Deadline deadline = Deadline.after(budget);
        Map<String, Integer> integrationIndex = indexIntegrations(integrations);
        Map<String, String> variables = EventVariables.of(event);
        DeliveryPreparer.SecretMemo memo = new DeliveryPreparer.SecretMemo();
        List<Planned> planned = new ArrayList<>(automations.size());
        for (int i = 0; i < automations.size(); i++) {
            Automation automation = automations.get(i);
            String field = "automations[" + i + "]";
            String integrationId = automation.action().integrationID();
            Integer integrationAt = integrationIndex.get(integrationId);
            if (integrationAt == null) {
                throw new InvalidRequestException(field + ".triggeredActionConfig.genericWebhookActionInput.integrationID",
                        "No integration with id " + integrationId + " in integrations");
            }
            Integration integration = integrations.get(integrationAt);
            String templateField = field + ".triggeredActionConfig.genericWebhookActionInput.requestPayload";
            String template = DeliveryPreparer.templateText(automation.action().requestPayload(), templateField);
            Verdict verdict = evaluate(event, automation, field);
            String deliveryId = DeliveryIds.of(event.entity().name(), event.id(), automation.name(),
                    integration.id());
            DeliveryJob job = new DeliveryJob(automation.name(), event.entity().name(), integration,
                    "integrations[" + integrationAt + "]", template, templateField, deliveryId);
            if (verdict.fires()) {
                Map<String, String> automationVariables =
                        EventVariables.forAutomation(variables, automation.name(), verdict.metric());
                planned.add(new Planned.Send(preparer.prepare(job, automationVariables, memo), job, automationVariables,
                        window(event, automation)));
            } else {
                preparer.checkTemplate(job); // A template that cannot render is bad input even when it is not sent.
                planned.add(skip(automation.name(), integration.displayName(), verdict.reason(), deliveryId));
            }
        }
        for (Planned each : planned) {
            if (each instanceof Planned.Send send) {
                check.accept(send);
            }
        }
        return new Plan(claimWindows(planned, dryRun), deadline, true);
    }

    /**
     * Returns the plan of W&B's "Test webhook": one delivery of {@code payload} (a JSON object, a JSON string holding
     * one, or null for {@code {}}) to {@code integration}, with the secrets of {@code entity}, outside any event.
     *
     * @throws InvalidRequestException if it cannot be carried out
     */
    public Plan planTest(Event.EntityRef entity, Integration integration, JsonNode payload) {
        Deadline deadline = Deadline.after(budget);
        String templateField = "payload";
        DeliveryJob job = new DeliveryJob(TEST_AUTOMATION, entity.name(), integration, "integration",
                DeliveryPreparer.templateText(payload, templateField), templateField, DeliveryIds.random());
        Map<String, String> variables = EventVariables.withoutEvent(entity.name());
        PreparedDelivery prepared = preparer.prepare(job, variables, new DeliveryPreparer.SecretMemo());
        return new Plan(List.of(new Planned.Send(prepared, job, variables)), deadline, false);
    }

    /**
     * Returns one attempt of a queued {@code job}: rendered with {@code variables}, its secrets resolved and signed now,
     * as {@link #plan} prepared it, so the body is the same bytes and only time-bound signatures change.
     *
     * @throws InvalidRequestException if it can no longer be carried out, such as a secret since deleted
     */
    public PreparedDelivery prepareAttempt(DeliveryJob job, Map<String, String> variables) {
        return preparer.prepare(job, variables, new DeliveryPreparer.SecretMemo());
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
     * Returns {@code planned} with each delivery whose once-per-run window is held turned into a skip. A real dispatch
     * claims the windows of the others; a dry run only reads them. When the store fails, the windows this call claimed
     * are given back and the failure propagates: nothing is sent.
     */
    private List<Planned> claimWindows(List<Planned> planned, boolean dryRun) {
        List<Planned> claimed = new ArrayList<>(planned.size());
        List<RunWindowKey> taken = new ArrayList<>();
        try {
            for (Planned plan : planned) {
                if (!(plan instanceof Planned.Send send) || send.window() == null) {
                    claimed.add(plan);
                    continue;
                }
                PreparedDelivery delivery = send.delivery();
                Optional<String> held = dryRun ? windows.held(send.window())
                        : windows.claim(send.window(), delivery.automation(), delivery.integration());
                if (held.isPresent()) {
                    claimed.add(skip(delivery.automation(), delivery.integration(), held.get(), delivery.deliveryId()));
                } else {
                    taken.add(send.window());
                    claimed.add(send);
                }
            }
        } catch (StateStoreException e) {
            release(taken, e);
            throw e;
        }
        return claimed;
    }

    /**
     * Gives back the once-per-run windows that the deliveries among {@code unsent} claimed, when {@code cause} stops
     * them from being sent (an async dispatch whose queue or status store failed), so that the same event may fire
     * again. A window that cannot be given back either is kept on {@code cause} as a suppressed exception.
     */
    public void giveBack(List<Planned> unsent, RuntimeException cause) {
        List<RunWindowKey> claimed = new ArrayList<>();
        for (Planned planned : unsent) {
            if (planned instanceof Planned.Send send && send.window() != null) {
                claimed.add(send.window());
            }
        }
        release(claimed, cause);
    }

    private void release(List<RunWindowKey> keys, RuntimeException cause) {
        for (RunWindowKey key : keys) {
            try {
                windows.release(key);
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static Planned.Skip skip(String automation, String integration, String reason, String deliveryId) {
        return new Planned.Skip(new DeliveryReport(automation, integration, Outcome.SKIPPED, reason, deliveryId,
                List.of(), null, List.of()));
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

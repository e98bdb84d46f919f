package dev.webhookrelay.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.webhookrelay.delivery.Attempt;
import dev.webhookrelay.delivery.UrlText;
import dev.webhookrelay.dispatch.DeliveryJob;
import dev.webhookrelay.dispatch.DeliveryReport;
import dev.webhookrelay.dispatch.DispatchReport;
import dev.webhookrelay.dispatch.InvalidRequestException;
import dev.webhookrelay.dispatch.Outcome;
import dev.webhookrelay.dispatch.Plan;
import dev.webhookrelay.dispatch.Planned;
import dev.webhookrelay.dispatch.Planner;
import dev.webhookrelay.queue.AsyncDeliveries;
import dev.webhookrelay.queue.QueuedJob;
import dev.webhookrelay.state.DeliveryRecord;

/**
 * Plans a dispatch and queues it instead of sending it: every delivery that fires is queued once per delivery id (one
 * already known is reported as it stands), every skip is reported as it is. Besides the planner's checks, every
 * delivery must fit a queue message and have no user info in its target URL (a credential the queue and the status
 * store would keep), all checked before any once-per-run window is claimed, so bad input claims and queues nothing.
 * When the queue or the status store fails, the windows of the deliveries not queued are given back.
 */
@ApplicationScoped
class AsyncDispatch {

    @Inject
    Planner planner;

    @Inject
    AsyncDeliveries deliveries;

    /**
     * Returns the report of queueing {@code request}: QUEUED (or the status as it stands) and SKIPPED.
     *
     * @throws InvalidRequestException if any automation cannot be carried out or queued
     * @throws dev.webhookrelay.queue.QueueException if the queue does not take a delivery
     * @throws dev.webhookrelay.state.StateStoreException if the status store cannot answer
     */
    DispatchReport dispatch(DispatchRequest request) {
        Plan plan = planner.plan(request.event(), request.integrations(), request.automations(), false, this::check);
        List<Planned> automations = plan.automations();
        List<DeliveryReport> reports = new ArrayList<>(automations.size());
        for (int i = 0; i < automations.size(); i++) {
            if (automations.get(i) instanceof Planned.Send send) {
                try {
                    reports.add(queued(send, deliveries.enqueue(send.delivery().deliveryId(), job(send))));
                } catch (RuntimeException e) {
                    planner.giveBack(automations.subList(i, automations.size()), e);
                    throw e;
                }
            } else {
                reports.add(((Planned.Skip) automations.get(i)).report());
            }
        }
        return DispatchReport.fitted(reports);
    }

    /** Refuses {@code send} unless it can be queued as it is. */
    private void check(Planned.Send send) {
        URI url = send.delivery().request().url();
        if (UrlText.hasUserInfo(url)) {
            throw new InvalidRequestException(send.job().integrationField() + ".urlEndpoint",
                    "Target URL must not contain user info in an async dispatch, which writes the integration to the"
                            + " queue and the status store: " + UrlText.withoutUserInfo(url.toString()));
        }
        try {
            deliveries.checkQueueable(send.delivery().deliveryId(), job(send));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(send.job().templateField(), e.getMessage(), e);
        }
    }

    private static DeliveryReport queued(Planned.Send send, DeliveryRecord record) {
        return new DeliveryReport(send.delivery().automation(), send.delivery().integration(),
                Outcome.valueOf(record.status().name()), null, record.deliveryId(), send.delivery().warnings(),
                send.delivery().reported(), record.attempts().stream()
                        .map(a -> new Attempt(a.statusCode(), a.durationMs(), a.error(), a.responseBody())).toList());
    }

    private static QueuedJob job(Planned.Send send) {
        DeliveryJob job = send.job();
        return new QueuedJob(job.entity(), job.automation(), job.integration(), job.template(), send.variables());
    }
}

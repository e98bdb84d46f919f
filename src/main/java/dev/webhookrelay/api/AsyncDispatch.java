package dev.webhookrelay.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.webhookrelay.delivery.Attempt;
import dev.webhookrelay.dispatch.DeliveryJob;
import dev.webhookrelay.dispatch.DeliveryReport;
import dev.webhookrelay.dispatch.DispatchReport;
import dev.webhookrelay.dispatch.InvalidRequestException;
import dev.webhookrelay.dispatch.Outcome;
import dev.webhookrelay.dispatch.Plan;
import dev.webhookrelay.dispatch.Planned;
import dev.webhookrelay.queue.AsyncDeliveries;
import dev.webhookrelay.queue.QueuedJob;
import dev.webhookrelay.state.DeliveryRecord;

/**
 * Queues a checked plan instead of sending it: every delivery that fires is queued once per delivery id (one already
 * known is reported as it stands), every skip is reported as it is. Every delivery is checked to fit a queue message
 * before the first is queued, so bad input queues nothing.
 */
@ApplicationScoped
class AsyncDispatch {

    @Inject
    AsyncDeliveries deliveries;

    /** Returns the report of queueing {@code plan}: QUEUED (or the status as it stands) and SKIPPED. */
    DispatchReport queue(Plan plan) {
        for (int i = 0; i < plan.automations().size(); i++) {
            if (plan.automations().get(i) instanceof Planned.Send send) {
                try {
                    deliveries.checkQueueable(send.delivery().deliveryId(), job(send));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException(
                            "automations[" + i + "].triggeredActionConfig.genericWebhookActionInput.requestPayload",
                            e.getMessage(), e);
                }
            }
        }
        List<DeliveryReport> reports = new ArrayList<>(plan.automations().size());
        for (Planned planned : plan.automations()) {
            if (planned instanceof Planned.Send send) {
                DeliveryRecord record = deliveries.enqueue(send.delivery().deliveryId(), job(send));
                reports.add(new DeliveryReport(send.delivery().automation(), send.delivery().integration(),
                        Outcome.valueOf(record.status().name()), null, record.deliveryId(),
                        send.delivery().warnings(), send.delivery().reported(),
                        record.attempts().stream().map(a -> new Attempt(a.statusCode(), a.durationMs(), a.error(),
                                a.responseBody())).toList()));
            } else {
                reports.add(((Planned.Skip) planned).report());
            }
        }
        return DispatchReport.fitted(reports);
    }

    private static QueuedJob job(Planned.Send send) {
        DeliveryJob job = send.job();
        return new QueuedJob(job.entity(), job.automation(), job.integration(), job.template(), send.variables());
    }
}

package dev.webhookrelay.api;

import dev.webhookrelay.delivery.Attempt;
import dev.webhookrelay.devreceiver.DevReceiver;
import dev.webhookrelay.dispatch.DeliveryReport;
import dev.webhookrelay.dispatch.DispatchReport;
import dev.webhookrelay.dispatch.Outcome;
import dev.webhookrelay.dispatch.ReportedRequest;
import dev.webhookrelay.model.Artifact;
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.Integration;
import dev.webhookrelay.model.Metric;
import dev.webhookrelay.model.NamedRef;
import dev.webhookrelay.model.Run;
import dev.webhookrelay.model.ScopeType;
import dev.webhookrelay.model.SignatureSettings;
import dev.webhookrelay.signing.SignatureScheme;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types Jackson binds, registered for reflection so that a native executable reads and writes them as the JVM does.
 * Quarkus registers resource parameter and return types itself; this covers what they contain.
 */
@RegisterForReflection(targets = {
        DispatchRequest.class, WebhookTestRequest.class, DispatchReport.class, DeliveryReport.class,
        ReportedRequest.class, Problem.class, Problem.FieldError.class, Outcome.class, Attempt.class,
        DevReceiver.Received.class,
        Event.class, Event.EntityRef.class, NamedRef.class, Artifact.class, Run.class, Metric.class, EventType.class,
        Integration.class, SignatureSettings.class, SignatureScheme.class, Automation.class,
        Automation.TriggeredActionConfig.class, Automation.WebhookAction.class, ScopeType.class })
final class NativeReflection {

    private NativeReflection() {
    }
}

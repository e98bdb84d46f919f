package dev.webhookrelay.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.delivery.Deliverer;
import dev.webhookrelay.secrets.Secret;
import dev.webhookrelay.secrets.SecretStore;
import dev.webhookrelay.signing.SignatureScheme;
import dev.webhookrelay.signing.Signer;

import io.quarkus.runtime.StartupEvent;

/**
 * Moves the first request's set-up into init, where SnapStart snapshots it. At start-up it builds the clients (the
 * delivery HTTP client; the secret store's AWS client, primed without reading a secret). Before a SnapStart (CRaC)
 * checkpoint it also runs a dry run of a built-in sample dispatch through the path a request takes: JSON binding,
 * bean validation, trigger evaluation, rendering, the egress check, the report's JSON, and a signature with a dummy
 * key. The sample names no secret and is a dry run to an address literal (example.com's, so no DNS lookup), so
 * nothing is read from the secret store, nothing is sent and no metrics are recorded, and its one delivery log line
 * names the automation {@code relay-priming}: the snapshot holds loaded classes and compiled code, never a secret or
 * the function's credentials. {@code relay.priming.at-start-up} runs the dry run at start-up too.
 */
@ApplicationScoped
class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    /** The sample request of the dry run, on the class path. */
    static final String SAMPLE = "/priming/dispatch.json";

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Deliverer deliverer;

    @Inject
    SecretStore store;

    @Inject
    PrimingConfig config;

    void onStart(@Observes StartupEvent event) {
        deliverer.prime();
        store.prime();
        Core.getGlobalContext().register(this);
        if (config.atStartUp()) {
            dryRun();
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        dryRun();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: credentials are resolved on each AWS call and secrets read on demand, after the restore.
    }

    /** Runs the sample dispatch as a dry run and returns its report; logs, never throws, when that fails. */
    DispatchReport dryRun() {
        try {
            byte[] sample = sample();
            DispatchRequest request = mapper.readValue(sample, DispatchRequest.class);
            if (!validator.validate(request).isEmpty()) {
                throw new IllegalStateException("The priming sample " + SAMPLE + " is not a valid request");
            }
            DispatchReport report = dispatcher.dispatch(request, true);
            mapper.writeValueAsBytes(report);
            new Signer().sign(SignatureScheme.WANDB, "dlv_priming", sample, List.of(Secret.of("priming-key")));
            return report;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The priming dry run failed; the first request will do its set-up: %s", e.toString());
            return null;
        }
    }

    private static byte[] sample() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

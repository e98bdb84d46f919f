package dev.webhookrelay.runwindow;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.webhookrelay.state.DeliveryRecord;
import dev.webhookrelay.state.DeliveryStateStore;

/**
 * Keeps W&B's "at most once per run within 24 hours" for automations on run events. {@link #claim} takes a window with
 * one conditional create in the {@link DeliveryStateStore} (DynamoDB: {@code attribute_not_exists} or expired), kept
 * until the window ends, when the store's TTL removes it; a window held answers with the reason to skip, saying when the
 * automation may fire for the run again. {@link #held} only reads, for dry runs. Safe for concurrent use: two
 * dispatches claiming one window concurrently cannot both win.
 */
@ApplicationScoped
public class RunWindows {

    private final DeliveryStateStore store;
    private final boolean enabled;
    private final Duration duration;
    private final InstantSource clock;

    @Inject
    RunWindows(DeliveryStateStore store, RunWindowConfig config) {
        this(store, config.enabled(), config.duration(), InstantSource.system());
    }

    /**
     * Keeps windows of {@code duration} in {@code store}, by {@code clock}, when {@code enabled}; for use outside CDI
     * (tests, benchmarks).
     */
    public RunWindows(DeliveryStateStore store, boolean enabled, Duration duration, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.enabled = enabled;
        this.duration = Objects.requireNonNull(duration, "duration == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Returns whether the rule is on ({@code relay.run-window.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Claims {@code key}'s window for {@code automation} sending to {@code integration} (both kept for operators);
     * returns empty when it was claimed, else the reason to skip.
     *
     * @throws dev.webhookrelay.state.StateStoreException when the store cannot answer
     */
    public Optional<String> claim(RunWindowKey key, String automation, String integration) {
        String id = key.storeId();
        // Two rounds: a window that expires between the failed create and the read is claimed on the second.
        for (int round = 0; round < 2; round++) {
            Instant now = clock.instant();
            if (store.create(DeliveryRecord.queued(id, key.entity(), automation, integration, null, now,
                    now.plus(duration)))) {
                return Optional.empty();
            }
            Optional<String> reason = held(key);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.of("a concurrent dispatch claimed this run's window; " + rule());
    }

    /**
     * Returns the reason to skip while {@code key}'s window is held, or empty when it is free. Claims nothing.
     *
     * @throws dev.webhookrelay.state.StateStoreException when the store cannot answer
     */
    public Optional<String> held(RunWindowKey key) {
        return store.find(key.storeId()).map(window -> "fired for run " + key.run() + " at "
                + shown(window.updatedAt()) + "; " + rule() + ": it may fire for this run again after "
                + shown(window.expiresAt()));
    }

    /** Gives {@code key}'s window back: its claim was taken for a dispatch that then sent nothing. */
    public void release(RunWindowKey key) {
        store.delete(key.storeId());
    }

    private String rule() {
        return "an automation fires at most once per run in " + shown(duration);
    }

    private static String shown(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Returns "24h", "90m" or "30s": the largest whole unit. */
    private static String shown(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + "h";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + "m" : duration.toSeconds() + "s";
    }
}

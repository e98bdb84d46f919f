package dev.webhookrelay.runwindow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;

/**
 * Whose once-per-run window it is: one {@code automation} (its W&B id when the request gives one, else its name) on one
 * {@code run} (its id) of one {@code project} (id, else name) of one {@code entity}. The entity and project keep two
 * teams, or two projects with the same run id, apart. Immutable.
 */
public record RunWindowKey(String entity, String project, String run, String automation) {

    /** The prefix of the state store ids of windows, which never collide with delivery ids ({@code dlv_…}). */
    static final String ID_PREFIX = "run-window:";

    public RunWindowKey {
        Objects.requireNonNull(entity, "entity == null");
        Objects.requireNonNull(project, "project == null");
        Objects.requireNonNull(run, "run == null");
        Objects.requireNonNull(automation, "automation == null");
    }

    /** Returns the window of {@code automation} on {@code event}'s run, or empty when the event names no run id. */
    public static Optional<RunWindowKey> of(Event event, Automation automation) {
        if (event.run() == null || event.run().id() == null) {
            return Optional.empty();
        }
        String project = event.project() == null ? ""
                : event.project().id() != null ? "id:" + event.project().id()
                        : event.project().name() == null ? "" : "name:" + event.project().name();
        String who = automation.id() != null ? "id:" + automation.id() : "name:" + automation.name();
        return Optional.of(new RunWindowKey(event.entity().name(), project, event.run().id(), who));
    }

    /**
     * Returns the window's id in the state store: the prefix and a SHA-256 of the four parts, so that any names fit
     * DynamoDB's key limit and no two windows share an id.
     */
    String storeId() {
        String joined = String.join("\u0000", entity, project, run, automation);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return ID_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e); // Every JDK has SHA-256.
        }
    }
}

package dev.webhookrelay.secrets;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SecretStore} that remembers another store's answers for a while, so that a warm function does not ask AWS on
 * every dispatch. Safe for concurrent use.
 *
 * <ul>
 * <li>A secret that was found is served for {@code ttl}, one that was missing for {@code negativeTtl}; a failure
 * ({@link SecretStoreException} or any other) is never remembered, so the next request asks again.
 * <li>Concurrent requests for one secret make one call to the other store: the first asks, the others wait for its
 * answer (or its failure).
 * <li>At most {@code maxEntries} answers are kept; beyond that, expired ones go first, then those expiring soonest.
 * <li>Ages are measured on {@code clock}, a wall clock, from when the fetch began. This is deliberate: with Lambda
 * SnapStart, a secret fetched before the snapshot keeps its fetch time, so after a restore, however much later, it
 * expires by its TTL. {@link System#nanoTime()} says nothing about time spent in a snapshot. An answer is also dropped
 * if the clock has gone back before its fetch time.
 * </ul>
 */
public final class CachingSecretStore implements SecretStore {

    private final SecretStore delegate;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final int maxEntries;
    private final InstantSource clock;
    private final ConcurrentHashMap<SecretRef, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

    /** One answer of the delegate, and how long it may be served. */
    private record Answer(Optional<Secret> secret, Instant fetchedAt, Instant expiresAt) {

        boolean isFresh(Instant now) {
            return !now.isBefore(fetchedAt) && now.isBefore(expiresAt);
        }
    }

    public CachingSecretStore(SecretStore delegate, Duration ttl, Duration negativeTtl, int maxEntries,
            InstantSource clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate == null");
        this.ttl = nonNegative(ttl, "ttl");
        this.negativeTtl = nonNegative(negativeTtl, "negativeTtl");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries < 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public void prime() {
        delegate.prime();
    }

    @Override
    public Optional<Secret> find(SecretRef ref) {
        Objects.requireNonNull(ref, "ref == null");
        while (true) {
            CompletableFuture<Answer> answer = answers.get(ref);
            if (answer == null) {
                CompletableFuture<Answer> fetch = new CompletableFuture<>();
                answer = answers.putIfAbsent(ref, fetch);
                if (answer == null) {
                    return fetch(ref, fetch);
                }
            }
            Answer done = answered(answer);
            if (done == null) {
                return await(answer); // In flight, or just failed.
            }
            if (done.isFresh(clock.instant())) {
                return done.secret();
            }
            answers.remove(ref, answer); // Expired: the next turn of the loop fetches again.
        }
    }

    /** Returns how many answers the cache holds, fetches in flight included. */
    int size() {
        return answers.size();
    }

    private Optional<Secret> fetch(SecretRef ref, CompletableFuture<Answer> fetch) {
        Instant fetchedAt = clock.instant();
        Optional<Secret> secret;
        try {
            secret = delegate.find(ref);
        } catch (RuntimeException | Error e) {
            answers.remove(ref, fetch); // Never cache a failure.
            fetch.completeExceptionally(e);
            throw e;
        }
        fetch.complete(new Answer(secret, fetchedAt, fetchedAt.plus(secret.isPresent() ? ttl : negativeTtl)));
        evictIfFull();
        return secret;
    }

    private static Optional<Secret> await(CompletableFuture<Answer> fetch) {
        try {
            return fetch.join().secret();
        } catch (CompletionException e) {
            // Give each waiter its own stack trace, but the same reason and message as the request that fetched.
            if (e.getCause() instanceof SecretStoreException failure) {
                throw new SecretStoreException(failure.reason(), failure.ref(), failure.getMessage(), failure);
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    private void evictIfFull() {
        if (answers.size() <= maxEntries) {
            return;
        }
        Instant now = clock.instant();
        answers.values().removeIf(answer -> {
            Answer done = answered(answer);
            return done != null && !done.isFresh(now);
        });
        while (answers.size() > maxEntries) {
            Map.Entry<SecretRef, CompletableFuture<Answer>> soonest = null;
            Instant soonestExpiry = Instant.MAX;
            for (Map.Entry<SecretRef, CompletableFuture<Answer>> entry : answers.entrySet()) {
                Answer done = answered(entry.getValue());
                if (done != null && done.expiresAt().isBefore(soonestExpiry)) {
                    soonest = entry;
                    soonestExpiry = done.expiresAt();
                }
            }
            if (soonest == null) {
                return; // Only fetches in flight: they are bounded by the number of concurrent requests.
            }
            answers.remove(soonest.getKey(), soonest.getValue());
        }
    }

    /** Returns the answer of {@code fetch}, or null while it is in flight or if it failed. */
    private static Answer answered(CompletableFuture<Answer> fetch) {
        return fetch.isDone() && !fetch.isCompletedExceptionally() ? fetch.join() : null;
    }

    private static Duration nonNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " == null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " < 0: " + duration);
        }
        return duration;
    }
}

package dev.webhookrelay.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A resolver whose names under {@code .hang.example} never answer, like a silent nameserver: the lookup blocks until
 * {@link #HANG} has passed, then fails. Other names go to the system resolver. Selected by {@link Profile} only.
 */
@Alternative
@Singleton
public class HangingDns implements EgressGuard.Dns {

    /** The domain whose names hang. */
    public static final String DOMAIN = ".hang.example";

    /** How long a hanging lookup blocks: past the test profile's whole dispatch deadline. */
    static final Duration HANG = Duration.ofSeconds(20);

    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public InetAddress[] lookup(String host) throws UnknownHostException {
        if (!host.endsWith(DOMAIN)) {
            return EgressGuard.Dns.SYSTEM.lookup(host);
        }
        try {
            never.await(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new UnknownHostException(host + ": no answer");
    }

    /** The hanging resolver, short connect timeouts and a dispatch deadline well under {@link #HANG}. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(HangingDns.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.delivery.connect-timeout", "300ms", "relay.delivery.deadline", "8s");
        }
    }
}

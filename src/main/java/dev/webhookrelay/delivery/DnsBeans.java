package dev.webhookrelay.delivery;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The resolver the {@link EgressGuard} looks host names up with: the system's, through the JDK. A test profile may
 * select an {@code @Alternative} resolver instead, e.g. one that never answers.
 */
@Singleton
class DnsBeans {

    @Produces
    @DefaultBean
    @Singleton
    EgressGuard.Dns systemDns() {
        return EgressGuard.Dns.SYSTEM;
    }
}

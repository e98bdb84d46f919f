package dev.webhookrelay.model;

import java.util.Optional;

/**
 * The webhook services that give every tenant or environment a host name of its own under one domain. The target limits
 * recognise a service by them, and the metrics collapse such hosts to their domain so that the host dimension stays
 * bounded. Only proper subdomains belong to a service: the apex name itself does not.
 */
public enum TenantDomain {
    /** Microsoft Teams connectors: {@code <tenant>.webhook.office.com}. */
    TEAMS_CONNECTOR("webhook.office.com"),
    /** Microsoft Teams workflows on Logic Apps: {@code prod-NN.<region>.logic.azure.com}. */
    TEAMS_WORKFLOW_LOGIC_APPS("logic.azure.com"),
    /** Microsoft Teams workflows on Power Platform: {@code <environment>.environment.api.powerplatform.com}. */
    TEAMS_WORKFLOW_POWER_PLATFORM("powerplatform.com");

    private final String domain;

    TenantDomain(String domain) {
        this.domain = domain;
    }

    /** Returns the domain every tenant's host name ends with, such as {@code webhook.office.com}. */
    public String domain() {
        return domain;
    }

    /** Returns whether this is one of the two domains Teams workflows are served from. */
    public boolean isTeamsWorkflow() {
        return this == TEAMS_WORKFLOW_LOGIC_APPS || this == TEAMS_WORKFLOW_POWER_PLATFORM;
    }

    /** Returns the service whose domain {@code host} (lower case, no trailing dot) is a subdomain of, if any. */
    public static Optional<TenantDomain> of(String host) {
        for (TenantDomain tenant : values()) {
            if (host.endsWith("." + tenant.domain)) {
                return Optional.of(tenant);
            }
        }
        return Optional.empty();
    }
}

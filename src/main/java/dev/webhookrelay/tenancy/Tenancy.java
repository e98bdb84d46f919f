package dev.webhookrelay.tenancy;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Decides whether a {@link Caller} may act for an entity, from {@code relay.tenancy.principals} and
 * {@code relay.tenancy.api-keys}. Immutable once built, so safe for concurrent use. Built at start-up, so that a
 * setting that does not parse stops the function there. With neither setting, every caller is trusted for every
 * entity (a single trusted caller), which is logged as a warning at start-up in production.
 *
 * <p>Every endpoint calls {@link #authorize} once it knows the entity a request acts for and before it resolves any
 * secret of that entity.
 */
@ApplicationScoped
@Startup
public class Tenancy {

    private static final Logger LOG = Logger.getLogger(Tenancy.class);

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final boolean enabled;
    private final Grants principals;
    private final Grants apiKeys;

    @Inject
    Tenancy(TenancyConfig config, ObjectMapper mapper) {
        this.principals = config.principals()
                .map(json -> Grants.parse("relay.tenancy.principals", json, mapper, Tenancy::principal))
                .orElse(Grants.none());
        this.apiKeys = config.apiKeys()
                .map(json -> Grants.parse("relay.tenancy.api-keys", json, mapper, Tenancy::apiKeyDigest))
                .orElse(Grants.none());
        this.enabled = config.principals().isPresent() || config.apiKeys().isPresent();
        if (!enabled && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("relay.tenancy.principals is not set: every caller may act for every entity and use its "
                    + "secrets (a single trusted caller); see docs/secrets.md");
        }
    }

    /**
     * Returns normally when {@code caller} may act for {@code entity}: tenancy is off, or one of the caller's
     * identities is mapped to the entity.
     *
     * @throws TenancyException if it may not
     */
    public void authorize(Caller caller, String entity) {
        if (!enabled || principals.allows(caller.principal(), entity) || apiKeys.allows(caller.apiKeyDigest(), entity)) {
            return;
        }
        if (caller.isAnonymous()) {
            throw new TenancyException(entity, "The request carries no caller identity (IAM principal or API key), "
                    + "so it may not act for entity " + entity);
        }
        String who = caller.principal().map(arn -> "Principal " + arn).orElse("The API key presented");
        throw new TenancyException(entity, who + " may not act for entity " + entity);
    }

    /**
     * Returns normally when {@code caller} may act for every entity at once, which only a single trusted caller
     * (tenancy off) may.
     *
     * @throws TenancyException if tenancy is on
     */
    public void authorizeEveryEntity(Caller caller) {
        if (enabled) {
            throw new TenancyException("*", "With relay.tenancy.* set, a request that spans entities must name the "
                    + "entity it acts for");
        }
    }

    private static String principal(String arn) {
        if (!arn.startsWith("arn:")) {
            throw new IllegalArgumentException("relay.tenancy.principals: " + arn + " is not an IAM principal ARN");
        }
        return PrincipalArn.canonical(arn);
    }

    private static String apiKeyDigest(String digest) {
        if (!SHA256_HEX.matcher(digest).matches()) {
            // A key rather than its digest may have been pasted here: do not echo it.
            throw new IllegalArgumentException("relay.tenancy.api-keys: every name must be the SHA-256 of a key in "
                    + "lowercase hex (64 characters), e.g. printf %s \"$KEY\" | sha256sum");
        }
        return digest;
    }
}

package dev.webhookrelay.tenancy;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
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
 * <p>Both settings fail closed: set but empty or blank (such as {@code RELAY_TENANCY_PRINCIPALS=""}, which the
 * configuration would otherwise read as unset and so turn tenancy off), either stops the function at start-up. So does
 * {@code relay.tenancy.api-keys} without {@code relay.inbound.api-keys}: a presented key would then be honoured for its
 * entities without ever being checked as an inbound key.
 *
 * <p>Every endpoint calls {@link #authorize} once it knows the entity a request acts for and before it resolves any
 * secret of that entity.
 */
@ApplicationScoped
@Startup
public class Tenancy {

    private static final Logger LOG = Logger.getLogger(Tenancy.class);

    private static final String PRINCIPALS = "relay.tenancy.principals";
    private static final String API_KEYS = "relay.tenancy.api-keys";

    /** The inbound keys whose digests {@link #API_KEYS} binds; read only to know whether it is set. */
    private static final String INBOUND_API_KEYS = "relay.inbound.api-keys";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final boolean enabled;
    private final Grants principals;
    private final Grants apiKeys;

    @Inject
    Tenancy(TenancyConfig config, ObjectMapper mapper, Config raw) {
        this(config, mapper, setting -> raw.getConfigValue(setting).getRawValue());
    }

    /**
     * Creates the rules of {@code config}, the settings as parsed, whose raw text {@code raw} returns by setting name
     * (null for a setting that is not set).
     *
     * @throws IllegalStateException if a tenancy setting is set but empty or blank, or {@code relay.tenancy.api-keys}
     *         is set without {@code relay.inbound.api-keys}
     * @throws IllegalArgumentException if a tenancy setting does not parse
     */
    Tenancy(TenancyConfig config, ObjectMapper mapper, UnaryOperator<String> raw) {
        requireValue(PRINCIPALS, config.principals(), raw.apply(PRINCIPALS));
        requireValue(API_KEYS, config.apiKeys(), raw.apply(API_KEYS));
        if (config.apiKeys().isPresent() && raw.apply(INBOUND_API_KEYS) == null) {
            throw new IllegalStateException(API_KEYS + " is set but " + INBOUND_API_KEYS + " is not: set "
                    + INBOUND_API_KEYS + " to the keys whose digests " + API_KEYS + " binds, so that a presented key "
                    + "is checked, or remove " + API_KEYS);
        }
        this.principals = config.principals()
                .map(json -> Grants.parse(PRINCIPALS, json, mapper, Tenancy::principal))
                .orElse(Grants.none());
        this.apiKeys = config.apiKeys()
                .map(json -> Grants.parse(API_KEYS, json, mapper, Tenancy::apiKeyDigest))
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
            throw new TenancyException("The request carries no caller identity (IAM principal or API key), "
                    + "so it may not act for entity " + entity);
        }
        String who = caller.principal().map(arn -> "Principal " + arn).orElse("The API key presented");
        throw new TenancyException(who + " may not act for entity " + entity);
    }

    /**
     * Returns normally when tenancy is off or {@code caller} carries an identity: checked before a request's entity is
     * known (such as the delivery whose id it names is looked up), so that an anonymous request is refused whatever it
     * names.
     *
     * @throws TenancyException if tenancy is on and the request carries no identity
     */
    public void requireIdentity(Caller caller) {
        if (enabled && caller.isAnonymous()) {
            throw new TenancyException("The request carries no caller identity (IAM principal or API key)");
        }
    }

    /**
     * Returns normally when {@code caller} may act for every entity at once, which only a single trusted caller
     * (tenancy off) may.
     *
     * @throws TenancyException if tenancy is on
     */
    public void authorizeEveryEntity(Caller caller) {
        if (enabled) {
            throw new TenancyException("With relay.tenancy.* set, a request that spans entities must name the "
                    + "entity it acts for");
        }
    }

    /**
     * Refuses setting {@code key}, parsed as {@code value} from the raw text {@code raw} (null when not set), when it
     * is set but to nothing: empty or blank.
     */
    private static void requireValue(String key, Optional<String> value, String raw) {
        if (raw != null && value.filter(text -> !text.isBlank()).isEmpty()) {
            throw new IllegalStateException(key + " is set but empty: set it to a JSON object from identity to entity "
                    + "names, or remove it");
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

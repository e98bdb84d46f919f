package dev.webhookrelay.secrets;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides whether a resolved secret may be sent to a URL: as a bearer token, a signing key or a payload variable.
 * Immutable, so safe for concurrent use. A secret bound to {@link Destinations} may go only below one of them; one whose
 * destinations do not parse, nowhere; one without destinations, anywhere, unless
 * {@code relay.secrets.require-destinations} is on. Refusals name the secret and the URL (without user info, query or
 * fragment), never the value.
 */
@ApplicationScoped
public class DestinationPolicy {

    private final boolean requireDestinations;

    @Inject
    DestinationPolicy(SecretsConfig config) {
        this(config.requireDestinations());
    }

    /** Returns a policy that refuses secrets without destinations when {@code requireDestinations} is true. */
    public DestinationPolicy(boolean requireDestinations) {
        this.requireDestinations = requireDestinations;
    }

    /** Returns why {@code secret}, the secret {@code name}, may not be sent to {@code url}; empty when it may. */
    public Optional<String> refusal(String name, Secret secret, URI url) {
        Destinations destinations = secret.destinations();
        if (destinations.problem().isPresent()) {
            return Optional.of("Secret " + name + " cannot be used: its destinations are invalid ("
                    + destinations.problem().get() + ")");
        }
        if (!destinations.isBound()) {
            return requireDestinations
                    ? Optional.of("Secret " + name + " names no destinations, and relay.secrets.require-destinations "
                            + "is on: bind it to the URLs it may be sent to")
                    : Optional.empty();
        }
        return destinations.admits(url) ? Optional.empty()
                : Optional.of("Secret " + name + " may not be sent to " + shown(url)
                        + ": it is bound to other destinations");
    }

    /** Returns {@code url} as a refusal shows it: no user info, query or fragment. */
    private static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}

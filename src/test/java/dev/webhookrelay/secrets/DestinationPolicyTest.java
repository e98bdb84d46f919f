package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 12: when a resolved secret may be sent to a URL. */
class DestinationPolicyTest {

    private static final URI TARGET = URI.create("https://api.github.com/repos/acme/ml/dispatches");
    private static final Secret UNBOUND = Secret.of("tok-never-shown");

    @Test
    void anUnboundSecretMayGoAnywhereByDefault() {
        assertThat(new DestinationPolicy(false).refusal("GITHUB_TOKEN", UNBOUND, TARGET)).isEmpty();
    }

    @Test
    void requireDestinationsRefusesAnUnboundSecret() {
        assertThat(new DestinationPolicy(true).refusal("GITHUB_TOKEN", UNBOUND, TARGET)).contains("Secret GITHUB_TOKEN "
                + "names no destinations, and relay.secrets.require-destinations is on: bind it to the URLs it may be "
                + "sent to");
    }

    @Test
    void requireDestinationsAdmitsABoundSecretBelowItsDestinations() {
        Secret bound = UNBOUND.withDestinations(Destinations.parse(List.of("https://api.github.com/repos/acme/")));

        assertThat(new DestinationPolicy(true).refusal("GITHUB_TOKEN", bound, TARGET)).isEmpty();
    }

    @Test
    void aSecretWithInvalidDestinationsIsRefusedEverywhere() {
        Secret invalid = UNBOUND.withDestinations(Destinations.invalid("tag webhook-relay:destinations: not a URL"));

        assertThat(new DestinationPolicy(false).refusal("GITHUB_TOKEN", invalid, TARGET)).contains("Secret "
                + "GITHUB_TOKEN cannot be used: its destinations are invalid (tag webhook-relay:destinations: not a URL)");
    }
}

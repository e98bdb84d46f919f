package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The egress guard end to end: tests allow only 127.0.0.1/32, so canary receivers on other loopback addresses must
 * receive nothing, whether the dispatch is real or a dry run.
 */
@QuarkusTest
class EgressTest {

    static Receiver canary;
    static Receiver ipv6Canary;

    @BeforeAll
    static void startCanaries() {
        canary = Receiver.start("127.0.0.2");
        ipv6Canary = Receiver.start("::1");
    }

    @AfterAll
    static void stopCanaries() {
        canary.close();
        ipv6Canary.close();
    }

    @Test
    void refusesOtherLoopbackAddresses() {
        dispatch(canary.url("/hook"), false)
                .statusCode(502)
                .body("deliveries[0].outcome", equalTo("FAILED"))
                .body("deliveries[0].reason", allOf(startsWith("Target 127.0.0.2 is not a public address (loopback"),
                        endsWith("relay.egress.allowed-cidrs does not allow it")))
                .body("deliveries[0].attempts", hasSize(0));
        assertThat(canary.received()).isEmpty();
    }

    @Test
    void refusesIpv6Loopback() {
        dispatch(ipv6Canary.url("/hook"), false)
                .statusCode(502)
                .body("deliveries[0].outcome", equalTo("FAILED"));
        assertThat(ipv6Canary.received()).isEmpty();
    }

    @Test
    void refusesCloudMetadataWithoutConnecting() {
        dispatch(URI.create("http://169.254.169.254/latest/meta-data/"), false)
                .statusCode(502)
                .body("deliveries[0].reason", startsWith("Target 169.254.169.254 is not a public address (cloud metadata"));
    }

    @Test
    void dryRunReportsTheRefusalToo() {
        dispatch(canary.url("/hook"), true)
                .statusCode(502)
                .body("deliveries[0].outcome", equalTo("FAILED"))
                .body("deliveries[0].reason", startsWith("Target 127.0.0.2 is not a public address"));
        assertThat(canary.received()).isEmpty();
    }

    private static ValidatableResponse dispatch(URI target, boolean dryRun) {
        ObjectNode request = Requests.githubDispatch(target);
        return dryRun ? Relay.dryRun(request) : Relay.dispatch(request);
    }
}

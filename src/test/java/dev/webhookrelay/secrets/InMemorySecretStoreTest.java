package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 12: the seed file binds a secret to destinations with {@code {"value": …, "destinations": […]}}. */
class InMemorySecretStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecretRef TOKEN = new SecretRef("tiny-ml", "GITHUB_TOKEN");

    @Test
    void aPlainStringIsAnUnboundSecret() throws Exception {
        Secret secret = seed("{\"tiny-ml\": {\"GITHUB_TOKEN\": \"tok-1\"}}").find(TOKEN).orElseThrow();

        assertThat(secret.reveal()).isEqualTo("tok-1");
        assertThat(secret.destinations().isBound()).isFalse();
    }

    @Test
    void anObjectBindsTheSecretToItsDestinations() throws Exception {
        Secret secret = seed("""
                {"tiny-ml": {"GITHUB_TOKEN": {"value": "tok-1",
                 "destinations": ["https://api.github.com/repos/acme/"]}}}""").find(TOKEN).orElseThrow();

        assertThat(secret.reveal()).isEqualTo("tok-1");
        assertThat(secret.destinations().admits(URI.create("https://api.github.com/repos/acme/ml"))).isTrue();
        assertThat(secret.destinations().admits(URI.create("https://api.github.com/repos/other"))).isFalse();
    }

    @Test
    void aDestinationWithAQueryIsRefusedAtLoad() {
        assertThatThrownBy(() -> seed("""
                {"tiny-ml": {"GITHUB_TOKEN": {"value": "tok-never-shown",
                 "destinations": ["https://api.github.com/repos/acme?x=1"]}}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Secret tiny-ml/GITHUB_TOKEN in test: Destination may not hold user info, a query or a "
                        + "fragment: https://api.github.com/…");
    }

    @Test
    void aMisspelledMemberIsRefusedWithoutShowingTheValue() {
        assertThatThrownBy(() -> seed("""
                {"tiny-ml": {"GITHUB_TOKEN": {"value": "tok-never-shown", "destination": ["https://x.example/"]}}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Secret tiny-ml/GITHUB_TOKEN must be a JSON string, or an object with a string \"value\" "
                        + "and an array \"destinations\" (and nothing else), in test")
                .hasMessageNotContaining("tok-never-shown");
    }

    private static InMemorySecretStore seed(String json) throws Exception {
        return InMemorySecretStore.fromJson(JSON.readTree(json), "test");
    }
}

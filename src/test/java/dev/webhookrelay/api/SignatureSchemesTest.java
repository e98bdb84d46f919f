package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.secrets.Secret;
import dev.webhookrelay.signing.SignatureScheme;
import dev.webhookrelay.signing.SignatureVerifier;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every signature scheme end to end: what the receiver gets verifies as that scheme's receivers verify it. */
@QuarkusTest
class SignatureSchemesTest extends WithReceiver {

    @ParameterizedTest
    @CsvSource({
            // scheme,         secretRef,             key
            "wandb,             SIGNING_SECRET,       " + SeededSecrets.SIGNING_SECRET,
            "wandb-base64,      SIGNING_SECRET,       " + SeededSecrets.SIGNING_SECRET,
            "github,            SIGNING_SECRET,       " + SeededSecrets.SIGNING_SECRET,
            "standard-webhooks, WHSEC_SIGNING_SECRET, " + SeededSecrets.WHSEC_SIGNING_SECRET,
    })
    void eachSchemeVerifiesAtTheReceiver(String scheme, String secretRef, String key) {
        ObjectNode integration = Requests.integration("i1", receiver.url("/hook"));
        integration.put("secretRef", secretRef);
        integration.putObject("signature").put("scheme", scheme);
        dispatch(integration).statusCode(200).body("deliveries[0].outcome", equalTo("DELIVERED"));

        Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));
        assertThatCode(() -> SignatureVerifier.of(SignatureScheme.fromWire(scheme), List.of(Secret.of(key)))
                .verify(sent.headers(), sent.body())).doesNotThrowAnyException();
    }

    @Test
    void standardWebhooksCarriesTheDeliveryIdAndSignsWithBothKeysDuringRotation() {
        ObjectNode integration = Requests.integration("i1", receiver.url("/hook"));
        integration.put("secretRef", "WHSEC_SIGNING_SECRET");
        integration.putObject("signature").put("scheme", "standard-webhooks").put("previousSecretRef", "WHSEC_OLD_SECRET");
        String deliveryId = dispatch(integration).statusCode(200).extract().path("deliveries[0].deliveryId");

        Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));
        assertThat(sent.header("webhook-id")).isEqualTo(deliveryId);
        assertThat(sent.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        for (String key : List.of(SeededSecrets.WHSEC_SIGNING_SECRET, SeededSecrets.WHSEC_OLD_SECRET)) {
            assertThatCode(() -> SignatureVerifier.of(SignatureScheme.STANDARD_WEBHOOKS, List.of(Secret.of(key)))
                    .verify(sent.headers(), sent.body())).doesNotThrowAnyException();
        }
    }

    @Test
    void aStandardWebhooksSecretWithoutItsPrefixIsA422NamingTheSecret() {
        ObjectNode integration = Requests.integration("i1", receiver.url("/hook"));
        integration.putObject("signature").put("scheme", "standard-webhooks");
        dispatch(integration)
                .statusCode(422)
                .body("errors[0].field", equalTo("integrations[0].secretRef"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anUnknownSchemeIsA400NamingTheField() {
        ObjectNode integration = Requests.integration("i1", receiver.url("/hook"));
        integration.putObject("signature").put("scheme", "md5");
        dispatch(integration)
                .statusCode(400)
                .body("errors[0].field", equalTo("integrations[0].signature.scheme"));
    }

    private static ValidatableResponse dispatch(ObjectNode integration) {
        return Relay.dispatch(Requests.dispatch(integration, Requests.automation("a1", "i1", "{\"a\": \"${alias}\"}")));
    }
}

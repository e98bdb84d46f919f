package dev.webhookrelay.api;

import static io.restassured.RestAssured.given;
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
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every signature scheme end to end: what the receiver gets verifies as that scheme's receivers verify it. */
@QuarkusTest
class SignatureSchemesTest extends WithReceiver {

    static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String WHSEC_OLD = "whsec_c2VjcmV0LW9mLWxhc3QteWVhci1uZXZlci1zaG93";


    @ParameterizedTest
    @CsvSource({
            // scheme,         secretRef,             key
            "wandb,            SIGNING_SECRET,        sig-2b8e41-never-show-me",
            "wandb-base64,     SIGNING_SECRET,        sig-2b8e41-never-show-me",
            "github,           SIGNING_SECRET,        sig-2b8e41-never-show-me",
            "standard-webhooks, WHSEC_SIGNING_SECRET, whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
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
        for (String key : List.of(WHSEC, WHSEC_OLD)) {
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
        return given()
                .contentType(ContentType.JSON)
                .body(Requests.dispatch(integration, Requests.automation("a1", "i1", "{\"a\": \"${alias}\"}")).toString())
                .when()
                .post("/v1/dispatch")
                .then();
    }
}

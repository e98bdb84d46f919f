package dev.webhookrelay.devreceiver;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The built-in receiver of the README walkthrough verifies the signatures the relay makes, and rejects others. */
@QuarkusTest
class DevReceiverTest {

    /** Where the receiver listens: {@code relay.dev-receiver.port}, which a test run may move (8091 by default). */
    static final String RECEIVER = "http://127.0.0.1:"
            + ConfigProvider.getConfig().getValue("relay.dev-receiver.port", Integer.class) + "/receiver";

    @Test
    void verifiesTheSignatureOfADeliveryFromTheRelay() {
        URI self = URI.create(RECEIVER + "?entity=tiny-ml&secretRef=SIGNING_SECRET");
        Relay.dispatch(Requests.githubDispatch(self))
                .statusCode(200)
                .body("deliveries[0].attempts[0].responseBody", equalTo("{\"received\":true,\"signatureValid\":true}"));


        given()
                .when()
                .get(RECEIVER)
                .then()
                .statusCode(200)
                .body("[0].signatureValid", equalTo(true))
                .body("[0].authorization", equalTo("Bearer ***"));
    }

    @Test
    void rejectsATamperedSignature() {
        given()
                .contentType(ContentType.JSON)
                .header("X-Wandb-Signature", "00".repeat(32))
                .body("{\"key1\": \"value1\"}")
                .when()
                .post(RECEIVER + "?entity=tiny-ml&secretRef=SIGNING_SECRET")
                .then()
                .statusCode(200)
                .body("signatureValid", equalTo(false));
    }
}

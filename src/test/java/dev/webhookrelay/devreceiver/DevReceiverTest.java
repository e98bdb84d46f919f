package dev.webhookrelay.devreceiver;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The built-in receiver of the README walkthrough verifies the signatures the relay makes, and rejects others. */
@QuarkusTest
class DevReceiverTest {

    /** Where the receiver listens in tests: {@code %test.relay.dev-receiver.port}, or its environment override. */
    private static final int PORT = ConfigProvider.getConfig().getValue("relay.dev-receiver.port", Integer.class);

    @Test
    void verifiesTheSignatureOfADeliveryFromTheRelay() {
        URI self = URI.create("http://127.0.0.1:" + PORT + "/receiver?entity=tiny-ml&secretRef=SIGNING_SECRET");
        given()
                .contentType(ContentType.JSON)
                .body(Requests.githubDispatch(self).toString())
                .when()
                .post("/v1/dispatch")
                .then()
                .statusCode(200)
                .body("deliveries[0].attempts[0].responseBody", equalTo("{\"received\":true,\"signatureValid\":true}"));


        given()
                .when()
                .get("http://localhost:" + PORT + "/receiver")
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
                .post("http://localhost:" + PORT + "/receiver?entity=tiny-ml&secretRef=SIGNING_SECRET")
                .then()
                .statusCode(200)
                .body("signatureValid", equalTo(false));
    }
}

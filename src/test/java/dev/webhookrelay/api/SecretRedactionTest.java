package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;

import io.quarkus.test.junit.QuarkusTest;

/**
 * No seeded secret value appears in any response or log line, whatever path a request takes: delivered, failed with
 * the target echoing credentials, refused, or rejected for a missing secret.
 */
@QuarkusTest
class SecretRedactionTest {

    static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void noSecretValueInAnyResponseOrLogLine() throws Exception {
        List<String> responses = new ArrayList<>();
        try (Receiver echo = Receiver.start()) {
            String secretTemplate = "{\"t\": \"${ACCESS_TOKEN}\", \"s\": \"${SIGNING_SECRET}\"}";
            // The target echoes the credentials it was sent; the report must not show them.
            String echoed = "echo " + SeededSecrets.TOKEN + " " + SeededSecrets.SIGNING_SECRET;
            echo.enqueue(Receiver.Response.status(200).withBody(echoed));
            responses.add(post(Requests.dispatch(Requests.integration("i1", echo.url("/ok")),
                    Requests.automation("a", "i1", secretTemplate))));
            echo.enqueue(Receiver.Response.status(500).withBody(echoed));
            responses.add(post(Requests.dispatch(Requests.integration("i1", echo.url("/fail")),
                    Requests.automation("a", "i1", secretTemplate))));
            ObjectNode rotated = Requests.integration("i1", echo.url("/rotated"));
            rotated.putObject("signature").put("scheme", "wandb").put("previousSecretRef", "OLD_SIGNING_SECRET");
            echo.enqueue(Receiver.Response.status(200).withBody(echoed + " " + SeededSecrets.OLD_SIGNING_SECRET));
            responses.add(post(Requests.dispatch(rotated, Requests.automation("a", "i1", secretTemplate))));
        }
        ObjectNode missing = Requests.integration("i1", URI.create("http://127.0.0.1:9/x"));
        missing.put("secretRef", "MISSING");
        responses.add(post(Requests.dispatch(missing, Requests.automation("a", "i1", "{}"))));
        responses.add(post(Requests.githubDispatch(URI.create("http://127.0.0.2:9/refused"))));

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).contains("delivery id=");
        for (String value : SeededSecrets.values()) {
            assertThat(responses).allSatisfy(response -> assertThat(response).doesNotContain(value));
            assertThat(log).doesNotContain(value);
        }
    }

    private static String post(JsonNode request) {
        return Relay.dispatch(request).extract().asString();
    }
}

package dev.webhookrelay.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 13: the hook SnapStart calls before its snapshot (a CRaC {@code Resource}), called here directly as the JVM
 * would. It dry-runs the built-in sample through the Lambda HTTP path, sending nothing.
 */
@QuarkusTest
class SnapStartPrimingTest {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    @Inject
    SnapStartPriming priming;

    /** The hook's effect: the dry run's delivery line, in the log the tests write. */
    @Test
    void beforeCheckpointDryRunsTheSample() throws IOException {
        long before = Files.size(LOG);

        priming.beforeCheckpoint(null);

        byte[] log = Files.readAllBytes(LOG);
        String written = new String(log, (int) before, log.length - (int) before, StandardCharsets.UTF_8);
        assertThat(written).containsPattern("delivery id=dlv_\\w+ automation=relay-priming .*outcome=DRY_RUN");
    }

    @Test
    void theDryRunIsADryRunOfTheSampleThatSendsNothing() throws IOException {
        APIGatewayV2HTTPResponse response = priming.dryRun();
        assertThat(response).as("the dry run failed; see the log").isNotNull();
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode delivery = Requests.parse(response.getBody()).path("deliveries").path(0);
        assertThat(delivery.path("automation").asText()).isEqualTo("relay-priming");
        assertThat(delivery.path("outcome").asText()).isEqualTo("DRY_RUN");
        assertThat(delivery.path("attempts").size()).isZero();
    }

    /** The sample is a request the API accepts as it is, so the priming runs what a real first request runs. */
    @Test
    void sampleIsAValidRequest() throws IOException {
        byte[] sample;
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(SnapStartPriming.SAMPLE)) {
            sample = in.readAllBytes();
        }
        given().contentType(ContentType.JSON).body(sample)
                .when().post("/v1/dispatch?dryRun=true")
                .then().statusCode(200)
                .body("deliveries[0].outcome", equalTo("DRY_RUN"));
    }
}

package dev.webhookrelay.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed OpenAPI document, docs/openapi.yaml, is the one the relay serves: a change to the API that does not
 * regenerate it fails here. Regenerate it with {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/openapi.yaml");

    /** The system property that makes the test write the served document to docs/openapi.yaml. */
    static final String UPDATE = "openapi.update";

    @Test
    void committedDocumentIsTheServedOne() throws IOException {
        String served = given()
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract().asString();

        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED))
                .as("%s is missing; write it with ./mvnw test -Dtest=OpenApiDocumentTest -D%s=true", COMMITTED, UPDATE)
                .isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("%s differs from what /q/openapi serves; regenerate it with "
                        + "./mvnw test -Dtest=OpenApiDocumentTest -D%s=true and review the diff", COMMITTED, UPDATE)
                .isEqualTo(served);
    }

    @Test
    void documentDescribesBothEndpointsAndTheProblemResponses() {
        String served = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        assertThat(served).contains("\"/v1/dispatch\"", "\"/v1/webhooks/test\"", "application/problem+json",
                "\"#/components/responses/Unprocessable\"");
    }
}

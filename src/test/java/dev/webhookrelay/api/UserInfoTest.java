package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12 (6): user info in an integration URL is a credential. The delivery is refused, and neither the report (of a
 * dispatch, a dry run or a test webhook), nor a problem detail, nor a log line shows it.
 */
@QuarkusTest
class UserInfoTest extends WithReceiver {

    private static final String PASSWORD = "hunter2-userinfo";

    private static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void dispatchReportsTheUrlWithoutItsUserInfo() throws Exception {
        URI url = withUserInfo(receiver.url("/hook"));

        String report = Relay.dispatch(Requests.githubDispatch(url))
                .statusCode(502)
                .body("deliveries[0].outcome", equalTo("FAILED"))
                .body("deliveries[0].request.url", equalTo(redacted(receiver.url("/hook"))))
                .body("deliveries[0].reason", equalTo("Target URL must not contain user info: "
                        + redacted(receiver.url("/hook"))))
                .extract().asString();

        assertThat(report).doesNotContain(PASSWORD).doesNotContain("alice");
        assertThat(receiver.received()).isEmpty();
        assertThat(Files.readString(LOG, StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
    }

    @Test
    void dryRunReportsTheUrlWithoutItsUserInfo() {
        Relay.dryRun(Requests.githubDispatch(withUserInfo(receiver.url("/hook"))))
                .statusCode(502)
                .body("deliveries[0].request.url", equalTo(redacted(receiver.url("/hook"))))
                .body(not(containsString(PASSWORD)));
    }

    @Test
    void testWebhookReportsTheUrlWithoutItsUserInfo() {
        ObjectNode request = Requests.JSON.createObjectNode();
        request.putObject("entity").put("name", "tiny-ml");
        request.set("integration", Requests.integration("i1", withUserInfo(receiver.url("/hook"))));

        Relay.testWebhook(request)
                .statusCode(502)
                .body("request.url", equalTo(redacted(receiver.url("/hook"))))
                .body(not(containsString(PASSWORD)));
    }

    @Test
    void invalidUrlWithUserInfoIsA422WithoutIt() {
        String url = "http://alice:" + PASSWORD + "@127.0.0.1:65536/hook";

        Relay.dispatch(Requests.githubDispatch(URI.create(url)))
                .statusCode(422)
                .body("errors[0].field", equalTo("integrations[0].urlEndpoint"))
                .body("detail", equalTo("Invalid webhook URL: port must be 1 to 65535: http://***@127.0.0.1:65536/hook"));
    }

    private static URI withUserInfo(URI url) {
        return URI.create(url.toString().replace("http://", "http://alice:" + PASSWORD + "@"));
    }

    private static String redacted(URI url) {
        return url.toString().replace("http://", "http://***@");
    }
}

package dev.webhookrelay.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known targets are recognised by their URL, and each documented limit a body breaks is one warning. */
class TargetLimitsTest {

    static final URI GITHUB = URI.create("https://api.github.com/repos/acme/ml/dispatches");
    static final URI TEAMS_WORKFLOW = URI.create("https://prod-27.westus.logic.azure.com:443/workflows/0a1b/triggers/"
            + "manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc");
    static final URI SLACK = URI.create("https://hooks.slack.com/services/T000/B000/XXXX");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # URL                                                                                  | target
            https://api.github.com/repos/acme/ml/dispatches                                        | GITHUB_DISPATCH
            https://API.GITHUB.COM/repos/acme/ml/dispatches/                                       | GITHUB_DISPATCH
            https://github.example.com/api/v3/repos/acme/ml/dispatches                             | GITHUB_DISPATCH
            https://prod-27.westus.logic.azure.com:443/workflows/0a1b/triggers/manual/paths/invoke | TEAMS_WORKFLOW
            https://d1.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/0a1b/triggers/manual/paths/invoke | TEAMS_WORKFLOW
            https://contoso.webhook.office.com/webhookb2/0a1b@c2d3/IncomingWebhook/e4f5/a6b7       | TEAMS_CONNECTOR
            https://hooks.slack.com/services/T000/B000/XXXX                                        | SLACK_INCOMING_WEBHOOK
            # Not the services' webhook endpoints: no preset applies.
            https://api.github.com/repos/acme/ml/issues                                            | -
            https://github.example.com/repos/acme/ml/dispatches                                    | -
            https://api.github.com.evil.example/repos/acme/ml/dispatches                           | -
            https://prod-27.westus.logic.azure.com/subscriptions/x                                 | -
            https://hooks.slack.com/triggers/T000/123/abc                                          | -
            https://example.com/hooks.slack.com/services/T000                                      | -
            http://localhost:8090/receiver?entity=tiny-ml&secretRef=SIGNING_SECRET                 | -
            """)
    void recognisesTargetsByTheirUrl(String url, TargetLimits.Target target) {
        assertThat(TargetLimits.recognise(URI.create(url))).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # body                                                        | warning (empty: none)
            `{"event_type": "BUILD_AND_DEPLOY", "client_payload": {"a": 1}}` |
            `{"event_type": "BUILD_AND_DEPLOY"}`                               |
            `{"event_type": "BUILD_AND_DEPLOY", "client_payload": null}`       |
            `{"client_payload": {}}`                                          | GitHub repository_dispatch: event_type is required: a string naming the repository_dispatch type the workflow listens for
            `{"event_type": ""}`                                              | GitHub repository_dispatch: event_type is required: a string naming the repository_dispatch type the workflow listens for
            `{"event_type": 7}`                                               | GitHub repository_dispatch: event_type is required: a string naming the repository_dispatch type the workflow listens for
            `{"event_type": "x", "client_payload": [1]}`                      | GitHub repository_dispatch: client_payload must be a JSON object
            `{"event_type": "x", "client_payload": {"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10}}` |
            `{"event_type": "x", "client_payload": {"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11}}` | GitHub repository_dispatch: client_payload has 11 top-level keys; GitHub accepts at most 10 (nest the others under one key)
            """)
    void githubBodies(String body, String warning) {
        assertThat(TargetLimits.warnings(GITHUB, utf8(body)))
                .containsExactlyElementsOf(warning == null ? List.of() : List.of(warning));
    }

    @ParameterizedTest(name = "event_type of {0} characters: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # characters | warned
            1            | false
            100          | false
            101          | true
            """)
    void githubEventTypeAtMostAHundredCharacters(int characters, boolean warned) {
        String body = "{\"event_type\": \"" + "e".repeat(characters) + "\"}";

        assertThat(TargetLimits.warnings(GITHUB, utf8(body))).hasSize(warned ? 1 : 0);
    }

    @Test
    void githubCountsCharactersNotBytesNorUtf16Units() {
        String body = "{\"event_type\": \"" + "\uD83D\uDE80".repeat(100) + "\"}"; // 100 rockets: 400 bytes, 200 chars.

        assertThat(TargetLimits.warnings(GITHUB, utf8(body))).isEmpty();
    }

    @Test
    void githubBodyUnder64Kilobytes() {
        assertThat(TargetLimits.warnings(GITHUB, bodyOfBytes("{\"event_type\": \"x\", \"pad\": \"", 65_535))).isEmpty();
        assertThat(TargetLimits.warnings(GITHUB, bodyOfBytes("{\"event_type\": \"x\", \"pad\": \"", 65_536)))
                .containsExactly("GitHub repository_dispatch: the body is 65536 bytes; GitHub accepts less than 64 KB "
                        + "(65,536 bytes)");
    }

    @Test
    void teamsBodyAtMost28Kilobytes() {
        URI connector = URI.create("https://contoso.webhook.office.com/webhookb2/x/IncomingWebhook/y/z");

        assertThat(TargetLimits.warnings(TEAMS_WORKFLOW, bodyOfBytes("{\"type\": \"message\", \"pad\": \"", 28_672)))
                .isEmpty();
        assertThat(TargetLimits.warnings(TEAMS_WORKFLOW, bodyOfBytes("{\"type\": \"message\", \"pad\": \"", 28_673)))
                .containsExactly("Microsoft Teams workflow: the body is 28673 bytes; Teams accepts at most 28 KB "
                        + "(28672 bytes) per message");
        assertThat(TargetLimits.warnings(connector, bodyOfBytes("{\"@type\": \"MessageCard\", \"pad\": \"", 30_000)))
                .containsExactly("Microsoft Teams connector: the body is 30000 bytes; Teams accepts at most 28 KB "
                        + "(28672 bytes) per message");
    }

    @Test
    void teamsWorkflowWarnsOfAMessageCard() {
        String messageCard = "{\"@type\": \"MessageCard\", \"@context\": \"http://schema.org/extensions\", \"summary\": \"x\"}";

        assertThat(TargetLimits.warnings(TEAMS_WORKFLOW, utf8(messageCard))).singleElement().asString()
                .startsWith("Microsoft Teams workflow: this is a MessageCard");
        assertThat(TargetLimits.warnings(URI.create("https://contoso.webhook.office.com/webhookb2/x"),
                utf8(messageCard))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # body                                                              | warning (empty: none)
            `{"text": "New alert from WANDB!"}`                                   |
            `{"blocks": [{"type": "divider"}]}`                                   |
            `{"attachments": [{"text": "x"}]}`                                    |
            `{"username": "wandb"}`                                               | Slack incoming webhook: the message has no text and no blocks; Slack answers 400 no_text
            `{"text": " ", "blocks": []}`                                         | Slack incoming webhook: the message has no text and no blocks; Slack answers 400 no_text
            """)
    void slackBodies(String body, String warning) {
        assertThat(TargetLimits.warnings(SLACK, utf8(body)))
                .containsExactlyElementsOf(warning == null ? List.of() : List.of(warning));
    }

    @Test
    void slackBlockAndTextLimits() {
        String section = "{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"" + "s".repeat(3_001) + "\"}}";
        String header = "{\"type\": \"header\", \"text\": {\"type\": \"plain_text\", \"text\": \"" + "h".repeat(151) + "\"}}";
        String fine = "{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"" + "s".repeat(3_000) + "\"}}";
        String dividers = IntStream.range(0, 49).mapToObj(i -> "{\"type\": \"divider\"}").collect(Collectors.joining(","));
        String body = "{\"text\": \"" + "t".repeat(40_001) + "\", \"blocks\": [" + header + "," + section + "," + fine
                + "," + dividers + "]}";

        assertThat(TargetLimits.warnings(SLACK, utf8(body))).containsExactly(
                "Slack incoming webhook: text is 40001 characters; Slack truncates it after 40000",
                "Slack incoming webhook: the message has 52 blocks; Slack accepts at most 50",
                "Slack incoming webhook: blocks[0] (header) text is 151 characters; Slack accepts at most 150",
                "Slack incoming webhook: blocks[1] (section) text is 3001 characters; Slack accepts at most 3000");
    }

    @Test
    void unknownTargetsGetNoWarningWhateverTheBody() {
        String body = "{\"event_type\": \"" + "e".repeat(500) + "\"}";

        assertThat(TargetLimits.warnings(URI.create("https://example.com/repos/acme/ml/dispatches"), utf8(body)))
                .isEmpty();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns a JSON object of exactly {@code bytes} bytes: {@code prefix}, padding, then the closing quote and brace. */
    private static byte[] bodyOfBytes(String prefix, int bytes) {
        return utf8(prefix + "p".repeat(bytes - prefix.length() - 2) + "\"}");
    }
}

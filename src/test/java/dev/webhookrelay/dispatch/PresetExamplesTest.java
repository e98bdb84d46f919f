package dev.webhookrelay.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.api.DispatchRequest;
import dev.webhookrelay.payload.EventVariables;
import dev.webhookrelay.payload.RenderedPayload;
import dev.webhookrelay.payload.TemplateRenderer;
import dev.webhookrelay.secrets.Secret;

/**
 * Each preset under examples/ is the template its dispatch sample under events/ sends, and rendered for the sample
 * event it stays within every documented limit of its real target.
 */
class PresetExamplesTest {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # example                             | sample                             | real target
            github-repository-dispatch.json       | preset-github-dispatch.json        | https://api.github.com/repos/acme/ml/dispatches
            teams-workflow-adaptive-card.json     | preset-teams-workflow.json         | https://prod-27.westus.logic.azure.com:443/workflows/0a1b/triggers/manual/paths/invoke
            slack-incoming-webhook.json           | preset-slack-incoming-webhook.json | https://hooks.slack.com/services/T000/B000/XXXX
            """)
    void presetIsTheSamplesTemplateAndWithinItsTargetsLimits(String example, String sample, URI target)
            throws IOException {
        JsonNode preset = JSON.readTree(Path.of("examples", example).toFile());
        DispatchRequest request = JSON.readValue(Path.of("events", sample).toFile(), DispatchRequest.class);
        String template = request.automations().get(0).action().requestPayload().textValue();

        assertThat(JSON.readTree(template)).as("the template of events/%s", sample).isEqualTo(preset);
        assertThat(TargetLimits.recognise(target)).isNotNull();
        RenderedPayload rendered = new TemplateRenderer().render(template, EventVariables.of(request.event()),
                Map.of("SIGNING_SECRET", Secret.of("s"), "ACCESS_TOKEN", Secret.of("t")));
        assertThat(rendered.warnings()).as("unknown variables").isEmpty();
        assertThat(TargetLimits.warnings(target, rendered.body())).isEmpty();
        assertThat(Files.readString(Path.of("examples", example))).doesNotContain("\t");
    }
}

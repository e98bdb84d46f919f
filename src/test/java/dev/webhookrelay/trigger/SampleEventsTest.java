package dev.webhookrelay.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.webhookrelay.api.DispatchRequest;
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.EventType;

/**
 * The sample requests under {@code events/} are dispatch bodies as API.md defines them, and each automation in them
 * fires or skips as docs/automations.md says.
 */
class SampleEventsTest {

    private static final Path EVENTS = Path.of("events");

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # sample                    | automation                 | skip reason (empty: fires)
            github-dispatch             | deploy-on-prod             |
            preset-github-dispatch      | deploy-on-prod             |
            preset-slack-incoming-webhook | announce-prod-in-slack   |
            preset-teams-workflow       | announce-prod-in-teams     |
            link-artifact-alias-eq      | deploy-linked-production   |
            unlink-artifact             | notify-unlink              |
            add-artifact-alias-regex    | deploy-on-prod             |
            add-artifact-alias-regex    | stage-on-staging           | alias 'production' does not match ^staging
            create-artifact             | evaluate-new-version       |
            add-artifact-tag-eq         | replicate-to-eu            |
            remove-artifact-tag-in      | unreplicate                |
            add-collection-tag-contains | announce-ownership         |
            remove-collection-tag-not   | audit-tag-removed          |
            run-metric-threshold        | acc-above-0.6              |
            run-metric-latest           | loss-below-1               |
            run-metric-change           | loss-drops-25pct           |
            run-metric-zscore           | acc-anomaly                |
            run-state                   | page-on-failure            |
            """)
    void sampleAutomationsFireOrSkipAsDocumented(String sample, String automation, String reason) throws IOException {
        DispatchRequest request = read(sample);
        Automation named = request.automations().stream()
                .filter(a -> a.name().equals(automation))
                .findFirst()
                .orElseThrow();

        assertThat(evaluator.evaluate(request.event(), named))
                .isEqualTo(reason == null ? Verdict.fire() : Verdict.skip(reason));
    }

    @Test
    void everyEventTypeHasASample() throws IOException {
        Set<EventType> covered = EnumSet.noneOf(EventType.class);
        for (String sample : samples()) {
            DispatchRequest request = read(sample);
            covered.add(request.event().eventType());
            request.automations().forEach(a -> assertThat(a.triggeringEventType())
                    .as("%s: %s", sample, a.name())
                    .isEqualTo(request.event().eventType()));
        }

        assertThat(covered).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void everySampleIsListedInTheTable() throws Exception {
        CsvSource table = getClass().getDeclaredMethod("sampleAutomationsFireOrSkipAsDocumented", String.class,
                String.class, String.class).getAnnotation(CsvSource.class);
        Set<String> listed = table.textBlock().lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('|')).strip())
                .collect(Collectors.toSet());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(samples());
    }

    private static List<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.map(path -> path.getFileName().toString())
                    // sam-*.json wrap a request in an API Gateway event.
                    .filter(name -> name.endsWith(".json") && !name.startsWith("sam-"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    private static DispatchRequest read(String sample) throws IOException {
        return Fixtures.JSON.readValue(EVENTS.resolve(sample + ".json").toFile(), DispatchRequest.class);
    }
}

package dev.webhookrelay.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.model.EventType;

/**
 * A skip reason is cut to {@link Verdict#MAX_REASON_LENGTH} characters. Found while building the evaluator fuzz test: a
 * 1 MiB filter of 75,000 alternatives explained each one, quoting the event's alias every time, so one reason ran to
 * megabytes, past what a Lambda response may hold (6 MB).
 */
class SkipReasonLengthTest {

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @Test
    void reasonOfAFilterOfThousandsOfAlternativesIsCut() {
        String condition = "{\"alias\":\"x\"}";
        int copies = (TriggerEvaluator.MAX_FILTER_CHARS - 100) / (condition.length() + 1);
        String filter = "{\"$or\":[" + String.join(",", Collections.nCopies(copies, condition)) + "]}";

        Verdict verdict = evaluator.evaluate(Fixtures.aliasEvent("a".repeat(80)),
                Fixtures.automation(EventType.ADD_ARTIFACT_ALIAS, filter));

        assertThat(verdict.fires()).isFalse();
        assertThat(verdict.reason())
                .startsWith("none of " + copies + " alternatives holds: alias 'aaaa")
                .matches("(?s).*… \\(\\d{6} characters\\)")
                .hasSizeLessThan(Verdict.MAX_REASON_LENGTH + 30);
    }

    @Test
    void reasonWithinTheLimitIsKeptWhole() {
        String reason = "r".repeat(Verdict.MAX_REASON_LENGTH);

        assertThat(Verdict.skip(reason).reason()).isEqualTo(reason);
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String reason = "r".repeat(Verdict.MAX_REASON_LENGTH - 1) + "\ud83d\ude00" + "r".repeat(10);

        assertThat(Verdict.skip(reason).reason())
                .isEqualTo("r".repeat(Verdict.MAX_REASON_LENGTH - 1) + "… (2011 characters)");
    }
}

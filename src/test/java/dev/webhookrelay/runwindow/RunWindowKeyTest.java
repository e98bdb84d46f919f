package dev.webhookrelay.runwindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.NamedRef;
import dev.webhookrelay.model.Run;

class RunWindowKeyTest {

    private static Event event(NamedRef project, Run run) {
        return new Event("evt-1", EventType.RUN_STATE, "frds", new Event.EntityRef("RW50", "tiny-ml"), project, null,
                null, null, run, null);
    }

    private static Automation automation(String id, String name) {
        return new Automation(id, name, null, true, null, null, EventType.RUN_STATE, null, "GENERIC_WEBHOOK",
                new Automation.TriggeredActionConfig(new Automation.WebhookAction("i1", null)));
    }

    @Test
    void theWindowIsTheAutomationsIdOrNameOnTheRunOfTheProjectOfTheEntity() {
        Run run = new Run("3xk1q", "exp-7", "frds", "FINISHED");

        assertThat(RunWindowKey.of(event(new NamedRef("UHJv", "p"), run), automation(null, "page")))
                .contains(new RunWindowKey("tiny-ml", "id:UHJv", "3xk1q", "name:page"));
        assertThat(RunWindowKey.of(event(new NamedRef(null, "p"), run), automation("QXV0bzox", "page")))
                .contains(new RunWindowKey("tiny-ml", "name:p", "3xk1q", "id:QXV0bzox"));
        assertThat(RunWindowKey.of(event(null, run), automation(null, "page")))
                .contains(new RunWindowKey("tiny-ml", "", "3xk1q", "name:page"));
    }

    @Test
    void anEventWithoutARunIdHasNoWindow() {
        assertThat(RunWindowKey.of(event(null, null), automation(null, "page"))).isEmpty();
        assertThat(RunWindowKey.of(event(null, new Run(null, "exp-7", "frds", "FINISHED")), automation(null, "page")))
                .isEmpty();
    }

    @Test
    void storeIdsAreShortAndDistinctWhereThePartsRunTogether() {
        String longName = "a".repeat(10_000);
        List<String> ids = List.of(
                new RunWindowKey("t", "p", "ab", "c").storeId(),
                new RunWindowKey("t", "p", "a", "bc").storeId(),
                new RunWindowKey("t", "p", "a", longName).storeId());

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("run-window:")
                .hasSizeLessThan(64));
    }
}

package dev.webhookrelay.queue;

/** What queued an attempt: the dispatch itself, the retry schedule, or a manual retry (one delivery or a replay). */
public enum Trigger {
    DISPATCH,
    SCHEDULE,
    MANUAL
}

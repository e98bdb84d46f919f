package dev.webhookrelay.model;

/** The run a run event concerns; {@code state} is W&B's run state, such as {@code FINISHED}. */
public record Run(String id, String displayName, String username, String state) {
}

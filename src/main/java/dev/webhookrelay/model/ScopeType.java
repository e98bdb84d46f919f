package dev.webhookrelay.model;

/** What an automation's {@code scopeID} names: a project, an artifact collection (registry) or an entity. */
public enum ScopeType {
    PROJECT,
    ARTIFACT_COLLECTION,
    ENTITY
}

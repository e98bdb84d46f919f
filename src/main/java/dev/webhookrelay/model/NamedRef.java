package dev.webhookrelay.model;

/**
 * A W&B object named by its GraphQL id and its human name, such as an entity, a project or an artifact collection.
 * Either part may be absent; the trigger and payload boxes say which parts they need.
 */
public record NamedRef(String id, String name) {
}

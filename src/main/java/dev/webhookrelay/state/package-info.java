/**
 * The status of durable (async) deliveries, kept per delivery id. {@link dev.webhookrelay.state.DeliveryStateStore}
 * is the one entry point; the store that serves is chosen at run time by {@code relay.state.store} ({@code memory} or
 * {@code dynamodb}). A record holds ids, attempts and what the queue needs to send the delivery again, never a secret
 * value.
 */
package dev.webhookrelay.state;

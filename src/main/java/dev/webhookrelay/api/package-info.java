/**
 * The HTTP face of the relay: the wire records, the three resources ({@code DispatchResource},
 * {@code WebhookTestResource}, {@code DeliveryResource}), the inbound filters, the mapping of failures to RFC 9457
 * problem details, and the SnapStart priming that runs a sample request through all of it before a snapshot.
 * The flow itself is {@link dev.webhookrelay.dispatch}.
 */
package dev.webhookrelay.api;

/**
 * Sending a signed body to its target: the egress guard, the HTTP client, timeouts and the deadline.
 * {@link dev.webhookrelay.delivery.Deliverer} is the entry point.
 */
package dev.webhookrelay.delivery;

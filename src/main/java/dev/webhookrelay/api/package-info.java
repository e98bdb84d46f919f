/**
 * The HTTP face of the relay: the wire records, the two resources, the inbound filters, and the mapping of failures to
 * RFC 9457 problem details. The flow itself is {@link dev.webhookrelay.dispatch}.
 */
package dev.webhookrelay.api;

/**
 * The HTTP face of the relay: the wire records, the two resources, the dispatch that runs the flow for each automation,
 * and the mapping of failures to RFC 9457 problem details.
 */
package dev.webhookrelay.api;

/**
 * The flow of one request, CDI-free at its core: {@link dev.webhookrelay.dispatch.Planner} checks it and renders and
 * signs every delivery (sending nothing), {@link dev.webhookrelay.dispatch.Sender} sends them within the deadline and
 * reports; beside them the report types, the delivery ids, the target limits and the delivery log.
 */
package dev.webhookrelay.dispatch;

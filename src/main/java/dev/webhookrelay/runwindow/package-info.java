/**
 * W&B's rule for run events: "In a 24-hour period, a particular automation can fire at most once per run."
 * {@link dev.webhookrelay.runwindow.RunWindows} is the entry point: it claims an automation's window on a run in the
 * state store of durable delivery ({@link dev.webhookrelay.state.DeliveryStateStore}, {@code memory} or DynamoDB) with
 * one conditional write, so that of two dispatches racing for the same window exactly one wins. Configured by
 * {@code relay.run-window.*} ({@link dev.webhookrelay.runwindow.RunWindowConfig}).
 */
package dev.webhookrelay.runwindow;

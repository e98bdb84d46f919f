/**
 * Metrics without an agent or an SDK: each dispatch writes CloudWatch Embedded Metric Format documents to standard
 * output, which Lambda sends to CloudWatch Logs, which turns them into metrics. The entry point is
 * {@link dev.webhookrelay.metrics.DispatchMetrics}.
 */
package dev.webhookrelay.metrics;

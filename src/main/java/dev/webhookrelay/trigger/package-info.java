/**
 * Whether an event triggers an automation. Pure functions over data: no CDI, no I/O.
 * {@link dev.webhookrelay.trigger.TriggerEvaluator} is the entry point; the rest is package-private:
 * {@code FilterParser} compiles the SDK's filter shapes into an immutable {@code CompiledFilter} (a {@code Condition}
 * tree over event fields and, for run events, a {@code RunRule}), {@code MetricWindows} does the window arithmetic,
 * {@code RegexGuard} compiles regexes once and bounds the cost of matching them; compiled filters and regexes are kept
 * in a {@link dev.webhookrelay.cache.BoundedCache}. docs/automations.md describes the filter language and its edge cases.
 */
package dev.webhookrelay.trigger;

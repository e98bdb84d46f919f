/**
 * Whether an event triggers an automation. Pure functions over data: no CDI, no I/O.
 * {@link dev.webhookrelay.trigger.TriggerEvaluator} is the entry point.
 */
package dev.webhookrelay.trigger;

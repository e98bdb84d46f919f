/**
 * The data every box of the flow reads: the event, the webhook integrations and the automations, bound from JSON exactly
 * as the {@code wandb} SDK emits them. Plain immutable records; no behaviour beyond normalisation.
 */
package dev.webhookrelay.model;

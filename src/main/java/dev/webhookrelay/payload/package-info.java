/**
 * The W&B payload variables of an event and the renderer that substitutes them into a JSON template. Pure functions: no
 * CDI, no I/O. {@link dev.webhookrelay.payload.TemplateRenderer} is the entry point.
 */
package dev.webhookrelay.payload;

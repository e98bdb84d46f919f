/**
 * The webhook receiver of the README walkthrough, built only in the dev and test profiles:
 * {@link dev.webhookrelay.devreceiver.DevReceiver}.
 */
package dev.webhookrelay.devreceiver;

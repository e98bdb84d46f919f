/**
 * What the relay's AWS clients share: {@link dev.webhookrelay.aws.AwsClient} configures a client builder the one way
 * the relay builds them (URL-connection HTTP client, call timeout, region, endpoint override) and builds it on first
 * use only.
 */
package dev.webhookrelay.aws;

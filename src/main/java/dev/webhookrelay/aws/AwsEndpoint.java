package dev.webhookrelay.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * Where an AWS client calls and how long it waits: the keys that {@code relay.secrets.aws.*},
 * {@code relay.queue.sqs.*} and {@code relay.state.dynamodb.*} share.
 */
public interface AwsEndpoint {

    /** The endpoint to call instead of the region's, such as a local moto server. Default none. */
    Optional<URI> endpointOverride();

    /** The AWS region, such as {@code eu-west-1}. Default none: the SDK's chain ({@code AWS_REGION}). */
    Optional<String> region();

    /** How long one call may take, retries included, before the service counts as unavailable. Default 5 seconds. */
    @WithDefault("5s")
    Duration timeout();
}

package dev.webhookrelay.aws;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * An AWS SDK client built on first use, not at start-up: a cold start that needs no call does not pay for it, and with
 * SnapStart it is built after the restore, with the credentials in force then. Safe for concurrent use.
 *
 * @param <T> the client
 */
public final class AwsClient<T extends SdkClient> implements AutoCloseable {

    private final Supplier<T> factory;
    private volatile T client;

    public AwsClient(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory == null");
    }

    /**
     * Returns {@code builder} on the URL-connection HTTP client (the JDK's; the Apache and Netty clients are not in
     * the build), with {@code endpoint}'s timeout per call, retries included, and its region and endpoint override when
     * set (else the SDK's default chains).
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsEndpoint endpoint) {
        return configure(builder.httpClientBuilder(UrlConnectionHttpClient.builder()), endpoint, endpoint.region());
    }

    /**
     * Returns {@code builder} with {@code endpoint}'s timeout per call and endpoint override, and {@code region} when
     * set; its HTTP client is the caller's.
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsEndpoint endpoint, Optional<String> region) {
        builder.overrideConfiguration(override -> override.apiCallTimeout(endpoint.timeout()));
        region.map(Region::of).ifPresent(builder::region);
        endpoint.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Returns the client, built by the factory on the first call. */
    public T get() {
        T built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = Objects.requireNonNull(factory.get(), "factory returned null");
                    client = built;
                }
            }
        }
        return built;
    }

    /** Closes the client, if it was built. */
    @Override
    public void close() {
        T built = client;
        if (built != null) {
            built.close();
        }
    }
}

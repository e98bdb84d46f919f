package dev.webhookrelay.secrets;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.webhookrelay.aws.AwsClient;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A {@link SecretStore} backed by AWS Secrets Manager. The secret {@code (entity, name)} is the secret whose id
 * {@code relay.secrets.aws.name-template} builds from the already validated {@link SecretRef} (by default
 * {@code wandb/{entity}/{name}}), read at its current version ({@code AWSCURRENT}). Exactly that id is asked for, with
 * no fallback to other ids. Safe for concurrent use; it remembers nothing, so put a {@link CachingSecretStore} in
 * front of it.
 *
 * <p>Values: a {@code SecretString} is the value as it is, JSON text included (a JSON secret is not unpacked by key);
 * a {@code SecretBinary} is decoded as UTF-8, and one that is not UTF-8 cannot be read. A secret that does not exist,
 * has no current value, or is scheduled for deletion is missing. Its {@link Destinations} are read from its tags
 * with {@code DescribeSecret} ({@link DestinationTags}), in the same lookup, so that a cache keeps both together; the
 * two calls run at the same time (the tags on a thread of this store's own), so a lookup waits for one round trip.
 *
 * <p>Failures: a denied {@code secretsmanager:GetSecretValue} or {@code secretsmanager:DescribeSecret}, a KMS key the function may not use, rejected
 * credentials or any other request AWS refuses for good are {@link SecretStoreException.Reason#ACCESS_DENIED} (the
 * message names the secret id and what to grant); throttling, AWS server errors, a timeout or an endpoint that cannot
 * be reached are {@link SecretStoreException.Reason#UNAVAILABLE}. No message holds a secret value.
 *
 * <p>The client is the AWS SDK for Java v2 with the URL-connection HTTP client, set explicitly (the Apache and Netty
 * clients are excluded from the build). That client is the JDK's {@code HttpURLConnection}: no connection pool, event
 * loop or extra jars to load on a cold start, and nothing that needs reflection configuration in a native image; one
 * small request per secret and TTL needs no more. The plain SDK is used rather than the Quarkiverse Secrets Manager
 * extension so that the relay keeps one configuration namespace ({@code relay.secrets.aws.*}) and does not wait on that
 * extension's releases to follow Quarkus.
 *
 * <p>Nothing is discovered: the region is {@code relay.secrets.aws.region}, else {@code AWS_REGION} (which Lambda
 * sets); the credentials come from the {@code aws.accessKeyId} system properties, the {@code AWS_ACCESS_KEY_ID}
 * environment variables (Lambda without SnapStart) or the container credentials endpoint (Lambda with SnapStart), in
 * that order, and are resolved on each call, never at start-up. No profile file and no instance metadata are read.
 * The client is built by {@link #prime} (at start-up and before a SnapStart snapshot) or else on the first lookup.
 * {@link #prime} also runs one {@code GetSecretValue} through the whole client (endpoint rules, marshalling, SigV4
 * signing with dummy credentials, response unmarshalling), answered by {@link PrimingHttpClient} without being sent:
 * the snapshot holds the loaded classes, never a secret or the function's credentials.
 */
public final class AwsSecretsManagerSecretStore implements SecretStore, AutoCloseable {

    /** The IAM action this store needs on every secret id it builds, for the value. */
    public static final String GET_SECRET_VALUE = "secretsmanager:GetSecretValue";

    /** The IAM action this store needs on every secret id it builds, for the destination tags. */
    public static final String DESCRIBE_SECRET = "secretsmanager:DescribeSecret";

    /** Error codes meaning IAM denied the call. */
    private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDeniedException", "AccessDenied");

    /** Error codes meaning AWS did not accept the function's credentials at all. */
    private static final Set<String> CREDENTIALS_CODES = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
            "ExpiredTokenException", "ExpiredToken");

    private static final Logger LOG = Logger.getLogger(AwsSecretsManagerSecretStore.class);

    /** The header that marks {@link #prime}'s call, which {@link PrimingHttpClient} answers without sending it. */
    static final String PRIMING_HEADER = "x-relay-priming";

    private final NameTemplate template;
    private final AwsClient<SecretsManagerClient> client;

    /** Runs each lookup's {@code DescribeSecret} while its {@code GetSecretValue} runs on the caller's thread. */
    private final ExecutorService describer = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "relay-secrets-describe");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Creates a store that builds secret ids with {@code nameTemplate} and calls the client that {@code clientFactory}
     * builds on the first lookup.
     *
     * @throws IllegalArgumentException if {@code nameTemplate} could let one entity name another entity's secret
     */
    public AwsSecretsManagerSecretStore(String nameTemplate, Supplier<SecretsManagerClient> clientFactory) {
        this.template = NameTemplate.parse(nameTemplate);
        this.client = new AwsClient<>(clientFactory);
    }

    /** Returns a store configured by {@code config}, using the SDK's default credentials chain. */
    public static AwsSecretsManagerSecretStore create(SecretsConfig.Aws config) {
        return new AwsSecretsManagerSecretStore(config.nameTemplate(), () -> clientBuilder(config).build());
    }

    /**
     * Returns a client builder for {@code config}: URL-connection HTTP client, credentials, region, endpoint and call
     * timeout, all explicit.
     */
    static SecretsManagerClientBuilder clientBuilder(SecretsConfig.Aws config) {
        return AwsClient.configure(SecretsManagerClient.builder()
                .httpClientBuilder(defaults -> new PrimingHttpClient(
                        UrlConnectionHttpClient.builder().buildWithDefaults(defaults)))
                .credentialsProvider(credentials()),
                config, config.region().or(() -> Optional.ofNullable(System.getenv("AWS_REGION"))));
    }

    /** Returns the credentials chain: system properties, environment variables, the container endpoint. */
    private static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.builder().build());
    }

    /**
     * Builds the client and runs one {@code GetSecretValue} through all of it: endpoint rules, marshalling, SigV4
     * signing with dummy credentials, and the unmarshalling of a canned answer that {@link PrimingHttpClient} gives in
     * place of AWS. Nothing is sent, no secret is read, the function's credentials are not resolved.
     */
    @Override
    public void prime() {
        GetSecretValueRequest request = GetSecretValueRequest.builder()
                .secretId(secretId(new SecretRef("priming", "PRIMING")))
                .overrideConfiguration(override -> override
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("priming", "priming")))
                        .putHeader(PRIMING_HEADER, "canned"))
                .build();
        try {
            client.get().getSecretValue(request);
        } catch (RuntimeException e) {
            LOG.warnf("Priming the Secrets Manager client failed; the first lookup will try again: %s", describe(e));
        }
    }

    @Override
    public Optional<Secret> find(SecretRef ref) {
        Objects.requireNonNull(ref, "ref == null");
        String id = secretId(ref);
        SecretsManagerClient client;
        try {
            client = this.client.get();
        } catch (SdkClientException e) { // Such as no region anywhere; the SDK's message says which setting.
            throw new SecretStoreException(SecretStoreException.Reason.UNAVAILABLE, ref,
                    "AWS Secrets Manager client cannot be built: " + e.getMessage(), e);
        }
        CompletableFuture<DescribeSecretResponse> described = CompletableFuture.supplyAsync(
                () -> client.describeSecret(request -> request.secretId(id)), describer);
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(id));
        } catch (ResourceNotFoundException | InvalidRequestException e) {
            return Optional.empty(); // InvalidRequestException: the secret is scheduled for deletion.
        } catch (SdkException e) {
            throw failure(ref, id, e);
        }
        String value;
        if (response.secretString() != null) {
            value = response.secretString();
        } else if (response.secretBinary() != null) {
            value = utf8(ref, id, response.secretBinary());
        } else {
            return Optional.empty();
        }
        DescribeSecretResponse description;
        try {
            description = described.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ResourceNotFoundException || e.getCause() instanceof InvalidRequestException) {
                return Optional.empty(); // Deleted, or scheduled for deletion, as its value was read.
            }
            if (e.getCause() instanceof SdkException cause) {
                throw failure(ref, id, cause, DESCRIBE_SECRET);
            }
            throw e;
        }
        Map<String, String> tags = new HashMap<>();
        description.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        return Optional.of(Secret.of(value).withDestinations(DestinationTags.of(tags)));
    }

    /** Returns the secret id of {@code ref}. */
    String secretId(SecretRef ref) {
        return template.secretId(ref);
    }

    /** Closes the client, if it was built. */
    @Override
    public void close() {
        describer.shutdownNow();
        client.close();
    }

    private static String utf8(SecretRef ref, String id, SdkBytes bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.asByteBuffer())
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SecretStoreException(SecretStoreException.Reason.ACCESS_DENIED, ref,
                    "Secret " + id + " holds binary data that is not UTF-8 text; store the value as a SecretString", e);
        }
    }

    /** Returns the store failure that {@code e}, thrown while reading the secret {@code id}'s value, stands for. */
    static SecretStoreException failure(SecretRef ref, String id, SdkException e) {
        return failure(ref, id, e, GET_SECRET_VALUE);
    }

    /** Returns the store failure that {@code e}, thrown by the IAM {@code action} on the secret {@code id}. */
    private static SecretStoreException failure(SecretRef ref, String id, SdkException e, String action) {
        if (e instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null || details.errorCode() == null ? "" : details.errorCode();
            int status = service.statusCode();
            String what = (code.isEmpty() ? "" : code + ", ") + "HTTP " + status;
            if (e instanceof DecryptionFailureException || "DecryptionFailure".equals(code)) {
                return denied(ref, e, "Secret " + id + " cannot be decrypted (" + what
                        + "): grant the function's role kms:Decrypt on the secret's KMS key");
            }
            if (CREDENTIALS_CODES.contains(code) || status == 401) {
                return denied(ref, e, "AWS did not accept the function's credentials reading secret " + id + " ("
                        + what + ")");
            }
            if (ACCESS_DENIED_CODES.contains(code) || status == 403) {
                return denied(ref, e, "Access to secret " + id + " denied (" + what + "): grant the function's role "
                        + action + " on " + id);
            }
            if (service.isThrottlingException()) {
                return unavailable(ref, e, "AWS Secrets Manager is throttling reads of secret " + id + " (" + what + ")");
            }
            if (status >= 500 || service.retryable()) {
                return unavailable(ref, e, "AWS Secrets Manager failed to read secret " + id + " (" + what + ")");
            }
            return denied(ref, e, "AWS Secrets Manager refused to read secret " + id + " (" + what + ")");
        }
        // SdkClientException and its kin: no answer (unreachable, timed out) or one that cannot be parsed.
        return unavailable(ref, e, "AWS Secrets Manager did not answer for secret " + id + " (" + describe(e) + ")");
    }

    /**
     * Returns the kind of {@code e} and of its root cause, with the root's message only for network failures and
     * timeouts: other messages (a response that cannot be parsed) could quote what AWS sent.
     */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder description = new StringBuilder(e.getClass().getSimpleName());
        if (root != e) {
            description.append(": ").append(root.getClass().getSimpleName());
        }
        boolean safeMessage = root instanceof SocketException || root instanceof SocketTimeoutException
                || root instanceof UnknownHostException || root instanceof ApiCallTimeoutException;
        if (safeMessage && root.getMessage() != null) {
            description.append(": ").append(root.getMessage());
        }
        return description.toString();
    }

    private static SecretStoreException denied(SecretRef ref, SdkException cause, String message) {
        return new SecretStoreException(SecretStoreException.Reason.ACCESS_DENIED, ref, message, cause);
    }

    private static SecretStoreException unavailable(SecretRef ref, SdkException cause, String message) {
        return new SecretStoreException(SecretStoreException.Reason.UNAVAILABLE, ref, message, cause);
    }
}

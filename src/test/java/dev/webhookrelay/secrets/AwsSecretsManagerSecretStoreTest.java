package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.webhookrelay.testing.Receiver;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * The AWS store through the real AWS SDK client against a real local AWS API ({@link MotoServer}). Secrets are seeded
 * through the SDK too. Each test starts from an empty moto.
 */
class AwsSecretsManagerSecretStoreTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private static final String TEMPLATE = "wandb/{entity}/{name}";
    private static final String VALUE = "ghp_s3cr3t-value-that-must-never-leak";
    private static final SecretRef TOKEN = new SecretRef("tiny-ml", "GITHUB_TOKEN");
    private static final String TOKEN_ID = "wandb/tiny-ml/GITHUB_TOKEN";
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(30);

    private final OperationCalls calls = new OperationCalls("GetSecretValue");
    private final OperationCalls describeCalls = new OperationCalls("DescribeSecret");
    private final TestClock clock = new TestClock();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void emptyMoto() {
        moto.start(); // Again, if a test stopped it.
        moto.relaxAuth();
        moto.reset();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    @Test
    void findsSecretString() {
        moto.createSecret(TOKEN_ID, VALUE);

        Optional<Secret> secret = store().find(TOKEN);

        assertThat(secret).map(Secret::reveal).contains(VALUE);
        assertThat(secret.toString()).isEqualTo("Optional[***]");
    }

    /**
     * Issue 13: a lookup's two calls are in flight together, so it waits for one round trip. The value's call is held
     * until the tags' call has gone out: one after the other, it would wait in vain and find no tags.
     */
    @Test
    void valueAndTagsAreReadAtTheSameTime() {
        moto.createSecret(TOKEN_ID, VALUE, Map.of("webhook-relay:destinations", "https://api.github.com/repos/acme/"));
        CountDownLatch tagsSent = new CountDownLatch(1);
        boolean[] valueWaited = new boolean[1];
        ExecutionInterceptor holdValueUntilTags = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                if ("DescribeSecret".equals(operation)) {
                    tagsSent.countDown();
                } else if ("GetSecretValue".equals(operation)) {
                    try {
                        valueWaited[0] = tagsSent.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        AwsSecretsManagerSecretStore store = new AwsSecretsManagerSecretStore(TEMPLATE, () -> {
            SecretsManagerClientBuilder builder = builder(TEMPLATE).credentialsProvider(MotoServer.CREDENTIALS);
            return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(holdValueUntilTags).build()).build();
        });
        closeables.add(store);

        Secret secret = store.find(TOKEN).orElseThrow();

        assertThat(valueWaited[0]).as("DescribeSecret went out while GetSecretValue was in flight").isTrue();
        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(secret.destinations().admits(URI.create("https://api.github.com/repos/acme/ml"))).isTrue();
    }

    /** Issue 12: destinations come from the secret's tags, read with DescribeSecret. */
    @Test
    void destinationsComeFromTheSecretsTags() {
        moto.createSecret(TOKEN_ID, VALUE, Map.of(
                "webhook-relay:destinations", "https://api.github.com/repos/acme/ https://ci.example.com/hooks",
                "webhook-relay:destinations.2", "https://hooks.example.com/ml",
                "team", "tiny-ml"));

        Destinations destinations = store().find(TOKEN).orElseThrow().destinations();

        assertThat(destinations.admits(URI.create("https://api.github.com/repos/acme/ml/dispatches"))).isTrue();
        assertThat(destinations.admits(URI.create("https://ci.example.com/hooks/1"))).isTrue();
        assertThat(destinations.admits(URI.create("https://hooks.example.com/ml"))).isTrue();
        assertThat(destinations.admits(URI.create("https://api.github.com/repos/other/ml/dispatches"))).isFalse();
    }

    @Test
    void aSecretWithoutTheTagIsUnbound() {
        moto.createSecret(TOKEN_ID, VALUE, Map.of("team", "tiny-ml"));

        assertThat(store().find(TOKEN).orElseThrow().destinations()).isEqualTo(Destinations.unbound());
    }

    @Test
    void aTagThatDoesNotParseMakesTheSecretUnusable() {
        moto.createSecret(TOKEN_ID, VALUE, Map.of("webhook-relay:destinations", "https://user@api.github.com/"));

        assertThat(store().find(TOKEN).orElseThrow().destinations().problem()).contains("tag "
                + "webhook-relay:destinations: Destination may not hold user info, a query or a fragment: "
                + "https://api.github.com/…");
    }

    /** One cache entry holds the value and its destinations: a retag is seen only when the entry expires. */
    @Test
    void destinationsAreCachedWithTheValue() {
        moto.createSecret(TOKEN_ID, VALUE, Map.of("webhook-relay:destinations", "https://old.example.com/"));
        CachingSecretStore store = cached(store());
        store.find(TOKEN);
        try (SecretsManagerClient client = moto.secretsManager()) {
            client.tagResource(request -> request.secretId(TOKEN_ID).tags(software.amazon.awssdk.services
                    .secretsmanager.model.Tag.builder().key("webhook-relay:destinations")
                    .value("https://new.example.com/").build()));
        }

        assertThat(store.find(TOKEN).orElseThrow().destinations().admits(URI.create("https://old.example.com/")))
                .isTrue();
        assertThat(describeCalls.count()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);

        clock.advance(TTL);
        assertThat(store.find(TOKEN).orElseThrow().destinations().admits(URI.create("https://new.example.com/")))
                .isTrue();
        assertThat(describeCalls.count()).isEqualTo(2);
    }

    /** The user may call GetSecretValue on every secret, and nothing else. */
    @Test
    void deniedDescribeSecretNamesThatPermission() {
        assertReadDenied("*", "secretsmanager:DescribeSecret");
    }

    @Test
    void missingSecretIsEmpty() {
        assertThat(store().find(TOKEN)).isEmpty();
    }

    @Test
    void anotherEntitysSecretIsNotReadable() {
        moto.createSecret("wandb/team-b/GITHUB_TOKEN", "team-b-value");
        CachingSecretStore store = cached(store());

        assertThat(store.find(new SecretRef("team-b", "GITHUB_TOKEN"))).map(Secret::reveal).contains("team-b-value");
        assertThat(store.find(new SecretRef("team-a", "GITHUB_TOKEN"))).isEmpty();

        moto.createSecret("wandb/team-a/GITHUB_TOKEN", "team-a-value");
        clock.advance(NEGATIVE_TTL);
        assertThat(store.find(new SecretRef("team-a", "GITHUB_TOKEN"))).map(Secret::reveal).contains("team-a-value");
        assertThat(store.find(new SecretRef("team-b", "GITHUB_TOKEN"))).map(Secret::reveal).contains("team-b-value");
    }

    /**
     * Issue 13: priming (at start-up, before a SnapStart snapshot) builds the client and runs a call up to its signing,
     * but sends nothing: a listener where the client would send sees no request until the first real lookup.
     */
    @Test
    void primingSendsNothingUntilTheFirstLookup() {
        try (Receiver aws = Receiver.start()) {
            URI endpoint = URI.create(aws.url("/").toString().replaceFirst("/$", ""));
            AwsSecretsManagerSecretStore store = new AwsSecretsManagerSecretStore(TEMPLATE,
                    () -> AwsSecretsManagerSecretStore.clientBuilder(new AwsConfig(TEMPLATE, Optional.of(endpoint),
                            Optional.of(MotoServer.REGION), Duration.ofSeconds(5)))
                            .credentialsProvider(MotoServer.CREDENTIALS).build());
            closeables.add(store);

            store.prime();
            assertThat(aws.received()).isEmpty();

            try {
                store.find(TOKEN); // The receiver's empty 204 is no secret; what matters is that the call arrives.
            } catch (SecretStoreException expected) {
                // Equally fine: the receiver is not AWS.
            }
            assertThat(aws.received()).extracting(request -> request.header("X-Amz-Target"))
                    .contains("secretsmanager.GetSecretValue");
        }
    }

    @Test
    void primedStoreReadsSecrets() {
        moto.createSecret(TOKEN_ID, VALUE);
        AwsSecretsManagerSecretStore store = store();

        store.prime();

        assertThat(store.find(TOKEN)).map(Secret::reveal).contains(VALUE);
    }

    /** Names are checked before any id is built, so none of these can reach the store. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # entity                                               | name
            team-a/../team-b                                       | GITHUB_TOKEN
            ..                                                     | GITHUB_TOKEN
            team-a/team-b                                          | GITHUB_TOKEN
            team-a%2Fteam-b                                        | GITHUB_TOKEN
            arn:aws:secretsmanager:us-east-1:1:secret:wandb/team-b | GITHUB_TOKEN
            ''                                                     | GITHUB_TOKEN
            tëam                                                   | GITHUB_TOKEN
            'team-a '                                              | GITHUB_TOKEN
            team-a                                                 | ../../team-b/GITHUB_TOKEN
            team-a                                                 | GITHUB_TOKEN/../../team-b/GITHUB_TOKEN
            team-a                                                 | *
            team-a                                                 | GITHUB_TOKEN-abcdef
            team-a                                                 | GITHUB.TOKEN
            team-a                                                 | ''
            """)
    void hostileNamesCannotEscapeThePrefix(String entity, String name) {
        moto.createSecret("wandb/team-b/GITHUB_TOKEN", "team-b-value");

        assertThatThrownBy(() -> store().find(new SecretRef(entity, name)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid ");
        assertThat(calls.count()).isZero();
    }

    @Test
    void templateThatCouldMixEntitiesIsRejectedBeforeAnyClient() {
        AtomicInteger built = new AtomicInteger();

        assertThatThrownBy(() -> new AwsSecretsManagerSecretStore("wandb/{entity}{name}", () -> {
            built.incrementAndGet();
            return null;
        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relay.secrets.aws.name-template must separate {entity} and {name} by a character that"
                        + " names cannot hold, such as '/': wandb/{entity}{name}");
        assertThat(built).hasValue(0);
    }

    @Test
    void customTemplateNamesTheSecret() {
        moto.createSecret("prod/teams/tiny-ml/webhooks/GITHUB_TOKEN", VALUE);

        assertThat(store("prod/teams/{entity}/webhooks/{name}").find(TOKEN)).map(Secret::reveal).contains(VALUE);
    }

    @Test
    void binarySecretIsDecodedAsUtf8() {
        moto.createBinarySecret(TOKEN_ID, "clé-🔑".getBytes(StandardCharsets.UTF_8));

        assertThat(store().find(TOKEN)).map(Secret::reveal).contains("clé-🔑");
    }

    @Test
    void binarySecretThatIsNotUtf8CannotBeRead() {
        moto.createBinarySecret(TOKEN_ID, new byte[] { (byte) 0xff, (byte) 0xfe, 0x41 });

        assertThatThrownBy(() -> store().find(TOKEN))
                .isInstanceOf(SecretStoreException.class)
                .hasMessage("Secret wandb/tiny-ml/GITHUB_TOKEN holds binary data that is not UTF-8 text;"
                        + " store the value as a SecretString")
                .satisfies(e -> assertThat(((SecretStoreException) e).reason())
                        .isEqualTo(SecretStoreException.Reason.ACCESS_DENIED));
    }

    /** A JSON secret is not unpacked: the whole text is the value. */
    @Test
    void jsonSecretStringIsTheWholeText() {
        String json = "{\"GITHUB_TOKEN\":\"" + VALUE + "\"}";
        moto.createSecret(TOKEN_ID, json);

        assertThat(store().find(TOKEN)).map(Secret::reveal).contains(json);
    }

    @Test
    void secretScheduledForDeletionIsMissing() {
        moto.createSecret(TOKEN_ID, VALUE);
        try (SecretsManagerClient client = moto.secretsManager()) {
            client.deleteSecret(request -> request.secretId(TOKEN_ID).recoveryWindowInDays(7L));
        }

        assertThat(store().find(TOKEN)).isEmpty();
    }

    @Test
    void clientIsBuiltOnFirstLookupOnly() {
        moto.createSecret(TOKEN_ID, VALUE);
        AtomicInteger built = new AtomicInteger();
        AwsSecretsManagerSecretStore store = new AwsSecretsManagerSecretStore(TEMPLATE, () -> {
            built.incrementAndGet();
            return client(TEMPLATE);
        });
        closeables.add(store);
        assertThat(built).hasValue(0);

        store.find(TOKEN);
        store.find(TOKEN);

        assertThat(built).hasValue(1);
    }

    @Test
    void cacheServesRepeatedLookupsWithOneCall() {
        moto.createSecret(TOKEN_ID, VALUE);
        CachingSecretStore store = cached(store());

        store.find(TOKEN);
        clock.advance(TTL.minusSeconds(1));
        assertThat(store.find(TOKEN)).map(Secret::reveal).contains(VALUE);

        assertThat(calls.count()).isEqualTo(1);
    }

    @Test
    void cacheFetchesRotatedSecretAfterTtl() {
        moto.createSecret(TOKEN_ID, VALUE);
        CachingSecretStore store = cached(store());
        store.find(TOKEN);
        try (SecretsManagerClient client = moto.secretsManager()) {
            client.putSecretValue(request -> request.secretId(TOKEN_ID).secretString("ghp_rotated"));
        }

        assertThat(store.find(TOKEN)).map(Secret::reveal).contains(VALUE);
        clock.advance(TTL);
        assertThat(store.find(TOKEN)).map(Secret::reveal).contains("ghp_rotated");
        assertThat(calls.count()).isEqualTo(2);
    }

    @Test
    void cacheRemembersMissingSecretForNegativeTtl() {
        CachingSecretStore store = cached(store());

        assertThat(store.find(TOKEN)).isEmpty();
        moto.createSecret(TOKEN_ID, VALUE);
        assertThat(store.find(TOKEN)).isEmpty();
        assertThat(calls.count()).isEqualTo(1);

        clock.advance(NEGATIVE_TTL);
        assertThat(store.find(TOKEN)).map(Secret::reveal).contains(VALUE);
        assertThat(calls.count()).isEqualTo(2);
    }

    @Test
    void concurrentLookupsOfOneSecretMakeOneCall() throws Exception {
        moto.createSecret(TOKEN_ID, VALUE);
        CachingSecretStore store = cached(store());
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<Secret>>> lookups = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lookups.add(executor.submit(() -> {
                    start.await();
                    return store.find(TOKEN);
                }));
            }
            start.countDown();
            for (Future<Optional<Secret>> lookup : lookups) {
                assertThat(lookup.get(30, TimeUnit.SECONDS)).map(Secret::reveal).contains(VALUE);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(calls.count()).isEqualTo(1);
    }

    @Test
    void storeDownIsUnavailableAndNotCached() {
        CachingSecretStore store = cached(store());
        moto.stop();

        assertThatThrownBy(() -> store.find(TOKEN))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageStartingWith("AWS Secrets Manager did not answer for secret wandb/tiny-ml/GITHUB_TOKEN (")
                .satisfies(e -> assertThat(((SecretStoreException) e).reason())
                        .isEqualTo(SecretStoreException.Reason.UNAVAILABLE))
                .satisfies(AwsSecretsManagerSecretStoreTest::leaksNoValue);

        moto.start(); // Same port, no state.
        moto.createSecret(TOKEN_ID, VALUE);
        assertThat(store.find(TOKEN)).map(Secret::reveal).contains(VALUE);
        assertThat(calls.count()).isEqualTo(2);
    }

    @Test
    void deniedReadNamesSecretAndPermission() {
        assertReadDenied("arn:aws:secretsmanager:*:*:secret:other/*", "secretsmanager:GetSecretValue");
    }

    /** Asserts that a user allowed GetSecretValue on {@code resource} only is told to be granted {@code action}. */
    private void assertReadDenied(String resource, String action) {
        moto.createSecret(TOKEN_ID, VALUE);
        AccessKey key = userAllowedOnlyOn(resource);
        AwsSecretsManagerSecretStore store = store(TEMPLATE, key);
        moto.enforceAuth();
        try {
            assertThatThrownBy(() -> store.find(TOKEN))
                    .isInstanceOf(SecretStoreException.class)
                    .hasMessageStartingWith("Access to secret wandb/tiny-ml/GITHUB_TOKEN denied (")
                    .hasMessageEndingWith("): grant the function's role " + action + " on wandb/tiny-ml/GITHUB_TOKEN")
                    .satisfies(e -> assertThat(((SecretStoreException) e).reason())
                            .isEqualTo(SecretStoreException.Reason.ACCESS_DENIED))
                    .satisfies(AwsSecretsManagerSecretStoreTest::leaksNoValue);
        } finally {
            moto.relaxAuth();
        }
    }

    /**
     * Moto answers unknown credentials with an XML 403 that the JSON protocol cannot read a code from; AWS's own codes
     * (UnrecognizedClientException and the like) are covered by {@link AwsSecretsManagerFailureTest}.
     */
    @Test
    void rejectedCredentialsAreAccessDenied() {
        moto.createSecret(TOKEN_ID, VALUE);
        moto.enforceAuth();
        try {
            assertThatThrownBy(() -> store().find(TOKEN))
                    .isInstanceOf(SecretStoreException.class)
                    .hasMessageContaining("wandb/tiny-ml/GITHUB_TOKEN")
                    .satisfies(e -> assertThat(((SecretStoreException) e).reason())
                            .isEqualTo(SecretStoreException.Reason.ACCESS_DENIED))
                    .satisfies(AwsSecretsManagerSecretStoreTest::leaksNoValue);
        } finally {
            moto.relaxAuth();
        }
    }

    /** Asserts that neither {@code failure} nor any of its causes shows the seeded value. */
    private static void leaksNoValue(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(VALUE);
            for (Throwable suppressed : t.getSuppressed()) {
                assertThat(suppressed.toString()).doesNotContain(VALUE);
            }
        }
    }

    private AwsSecretsManagerSecretStore store() {
        return store(TEMPLATE);
    }

    private AwsSecretsManagerSecretStore store(String template) {
        AwsSecretsManagerSecretStore store = new AwsSecretsManagerSecretStore(template, () -> client(template));
        closeables.add(store);
        return store;
    }

    private AwsSecretsManagerSecretStore store(String template, AccessKey key) {
        AwsSecretsManagerSecretStore store = new AwsSecretsManagerSecretStore(template, () -> {
            SecretsManagerClientBuilder builder = builder(template);
            return builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build();
        });
        closeables.add(store);
        return store;
    }

    private CachingSecretStore cached(SecretStore store) {
        return new CachingSecretStore(store, TTL, NEGATIVE_TTL, 100, clock);
    }

    /** Returns the client the relay builds for moto, with the dummy credentials and the call counter. */
    private SecretsManagerClient client(String template) {
        return builder(template).credentialsProvider(MotoServer.CREDENTIALS).build();
    }

    private SecretsManagerClientBuilder builder(String template) {
        SecretsManagerClientBuilder builder = AwsSecretsManagerSecretStore.clientBuilder(
                new AwsConfig(template, Optional.of(moto.endpoint()), Optional.of(MotoServer.REGION),
                        Duration.ofSeconds(10)));
        return builder.overrideConfiguration(
                builder.overrideConfiguration().toBuilder().addExecutionInterceptor(calls)
                        .addExecutionInterceptor(describeCalls).build());
    }

    /** Creates an IAM user that may read only the secrets {@code resource} matches, and returns its key. */
    private static AccessKey userAllowedOnlyOn(String resource) {
        try (IamClient iam = IamClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.AWS_GLOBAL)
                .endpointOverride(moto.endpoint())
                .credentialsProvider(MotoServer.CREDENTIALS)
                .build()) {
            iam.createUser(request -> request.userName("relay-function"));
            iam.putUserPolicy(request -> request.userName("relay-function").policyName("read-other-secrets")
                    .policyDocument("""
                            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                             "Action": "secretsmanager:GetSecretValue", "Resource": "%s"}]}
                            """.formatted(resource)));
            return iam.createAccessKey(request -> request.userName("relay-function")).accessKey();
        }
    }

    record AwsConfig(String nameTemplate, Optional<URI> endpointOverride, Optional<String> region, Duration timeout)
            implements SecretsConfig.Aws {
    }

    /** Counts calls of one API operation (not attempts: the SDK's retries of one call count once). */
    static final class OperationCalls implements ExecutionInterceptor {

        private final String operation;
        private final AtomicInteger count = new AtomicInteger();

        OperationCalls(String operation) {
            this.operation = operation;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                count.incrementAndGet();
            }
        }

        int count() {
            return count.get();
        }
    }
}

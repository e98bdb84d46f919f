package dev.webhookrelay.secrets;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the relay against a {@link MotoServer}: starts one, points {@code relay.secrets.store=aws-secrets-manager} at it,
 * and gives the AWS SDK's default credentials chain the dummy credentials through the {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} system properties (left set on stop, see there). Use it with
 * {@code @WithTestResource(MotoResource.class)}; a field of type {@link MotoServer} in the test is injected with the
 * running server, to seed secrets ({@link MotoServer#createSecret}) or stop it.
 */
public class MotoResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
    static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";

    private final MotoServer server = new MotoServer();

    @Override
    public Map<String, String> start() {
        server.start();
        System.setProperty(ACCESS_KEY_PROPERTY, MotoServer.ACCESS_KEY_ID);
        System.setProperty(SECRET_KEY_PROPERTY, MotoServer.SECRET_ACCESS_KEY);
        return Map.of(
                "relay.secrets.store", "aws-secrets-manager",
                "relay.secrets.aws.endpoint-override", server.endpoint().toString(),
                "relay.secrets.aws.region", MotoServer.REGION);
    }

    /** Returns the server this resource runs, for subclasses that create more resources on it. */
    protected MotoServer server() {
        return server;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(MotoServer.class));
    }

    /**
     * Stops the server. The dummy credentials stay set: Quarkus may start the next test's resource before it stops this
     * one, and clearing them then left that test's first Secrets Manager call without credentials (a 30 s stall).
     */
    @Override
    public void stop() {
        server.stop();
    }
}

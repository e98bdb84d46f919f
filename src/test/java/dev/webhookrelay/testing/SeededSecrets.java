package dev.webhookrelay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret store of the tests: the {@code memory} store seeded from {@link #FILE} ({@code %test} profile), and the
 * values of entity {@code tiny-ml} that tests expect to be sent, and never to be shown.
 */
public final class SeededSecrets {

    /** The seed file, relative to the project root ({@code %test.relay.secrets.seed-file}). */
    public static final Path FILE = Path.of("src/test/resources/secrets.json");

    /** {@code tiny-ml}'s {@code GITHUB_TOKEN}, the access token of {@link Requests#integration}. */
    public static final String TOKEN = "tok-7f3a9c-never-show-me";

    /** {@code tiny-ml}'s {@code SIGNING_SECRET}, the signing secret of {@link Requests#integration}. */
    public static final String SIGNING_SECRET = "sig-2b8e41-never-show-me";

    /** {@code tiny-ml}'s {@code OLD_SIGNING_SECRET}, a previous signing secret. */
    public static final String OLD_SIGNING_SECRET = "old-5d0c77-never-show-me";

    /** {@code tiny-ml}'s {@code WHSEC_SIGNING_SECRET}, a Standard Webhooks key. */
    public static final String WHSEC_SIGNING_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** {@code tiny-ml}'s {@code WHSEC_OLD_SECRET}, a previous Standard Webhooks key. */
    public static final String WHSEC_OLD_SECRET = "whsec_c2VjcmV0LW9mLWxhc3QteWVhci1uZXZlci1zaG93";

    private SeededSecrets() {
    }

    /** Returns every secret value in {@link #FILE}, of every entity: none may ever appear in a response or a log. */
    public static List<String> values() {
        List<String> values = new ArrayList<>();
        try {
            Requests.JSON.readTree(FILE.toFile())
                    .forEach(entity -> entity.forEach(secret -> values.add(secret.asText())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
        if (values.isEmpty()) {
            throw new IllegalStateException(FILE + " seeds no secret");
        }
        return values;
    }
}

package dev.webhookrelay.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.webhookrelay.secrets.Secret;

/**
 * Checks the signature headers of a received delivery, as a receiver does: the relay's tests, its dev receiver, and
 * any Java receiver. Immutable and safe for concurrent use; {@link #toString()} never shows a key. A signature made with
 * any of the verifier's keys is accepted, so a receiver can hold the old and the new secret during a rotation.
 *
 * <p>
 * Verify over the exact body bytes received, never a re-serialised parse of them. This class does not de-duplicate:
 * receivers that must process a delivery once keep its id ({@code webhook-id}, or {@code X-Relay-Delivery-Id} under the
 * other schemes) for longer than {@link #TOLERANCE}.
 */
public final class SignatureVerifier {

    /** Standard Webhooks: how far a {@code webhook-timestamp} may be from the receiver's clock, either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final SignatureScheme scheme;
    private final List<byte[]> keys;
    private final InstantSource clock;

    private SignatureVerifier(SignatureScheme scheme, List<byte[]> keys, InstantSource clock) {
        this.scheme = scheme;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Returns a verifier for {@code scheme} that accepts a signature made with any of {@code keys}, and takes the time
     * from the system clock.
     *
     * @throws SignatureException if a key does not have the form the scheme requires
     */
    public static SignatureVerifier of(SignatureScheme scheme, List<Secret> keys) {
        Objects.requireNonNull(scheme, "scheme == null");
        return new SignatureVerifier(scheme, SigningKeys.decode(scheme, keys), InstantSource.system());
    }

    /** Returns a copy of this verifier that takes the current time from {@code clock}. */
    public SignatureVerifier withClock(InstantSource clock) {
        return new SignatureVerifier(scheme, keys, Objects.requireNonNull(clock, "clock == null"));
    }

    /**
     * Verifies {@code body} against the signature headers in {@code headers}, whose names match case-insensitively.
     *
     * @throws SignatureException if a header is missing or malformed, the timestamp is outside {@link #TOLERANCE}, or
     *         no signature matches
     */
    public void verify(Map<String, String> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers == null");
        verify(name -> headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null), body);
    }

    /**
     * Verifies {@code body} against the signature headers that {@code header} returns by name (null when absent), such
     * as JAX-RS {@code HttpHeaders::getHeaderString}.
     *
     * @throws SignatureException if a header is missing or malformed, the timestamp is outside {@link #TOLERANCE}, or
     *         no signature matches
     */
    public void verify(Function<String, String> header, byte[] body) {
        Objects.requireNonNull(header, "header == null");
        Objects.requireNonNull(body, "body == null");
        switch (scheme) {
            case WANDB -> verifySingle(header, key -> Signatures.hex(key, body));
            case WANDB_BASE64 -> verifySingle(header, key -> Signatures.base64(key, body));
            case GITHUB -> verifySingle(header, key -> Signatures.github(key, body));
            case STANDARD_WEBHOOKS -> verifyStandardWebhooks(header, body);
        }
    }

    private void verifySingle(Function<String, String> header, Function<byte[], String> expected) {
        String name = scheme.signatureHeader();
        String received = required(header, name);
        for (byte[] key : keys) {
            if (constantTimeEquals(expected.apply(key), received.trim())) {
                return;
            }
        }
        throw new SignatureException("No key matches the " + name + " signature");
    }

    private void verifyStandardWebhooks(Function<String, String> header, byte[] body) {
        String id = required(header, Signer.WEBHOOK_ID);
        long timestamp = timestamp(required(header, Signer.WEBHOOK_TIMESTAMP));
        String received = required(header, scheme.signatureHeader());
        for (byte[] key : keys) {
            String expected = Signatures.standardWebhooks(key, id, timestamp, body);
            for (String signature : received.trim().split(" ")) {
                // "v1,<base64>" is compared whole; another version (such as "v1a," for ed25519) never matches.
                if (constantTimeEquals(expected, signature)) {
                    return;
                }
            }
        }
        throw new SignatureException("No key matches any " + scheme.signatureHeader() + " signature");
    }

    private long timestamp(String text) {
        long timestamp;
        try {
            timestamp = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new SignatureException("Invalid " + Signer.WEBHOOK_TIMESTAMP + ": not integer seconds", e);
        }
        long now = clock.instant().getEpochSecond();
        if (timestamp < now - TOLERANCE.toSeconds()) {
            throw new SignatureException("Message timestamp too old: " + timestamp + " is more than "
                    + TOLERANCE.toSeconds() + " seconds before " + now);
        }
        if (timestamp > now + TOLERANCE.toSeconds()) {
            throw new SignatureException("Message timestamp too new: " + timestamp + " is more than "
                    + TOLERANCE.toSeconds() + " seconds after " + now);
        }
        return timestamp;
    }

    private static String required(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new SignatureException("Missing " + name + " header");
        }
        return value;
    }

    private static boolean constantTimeEquals(String expected, String received) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SignatureVerifier{scheme=" + scheme.wireName() + ", keys=" + keys.size() + " x " + Secret.REDACTED
                + "}";
    }
}

package dev.webhookrelay.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A secret value. Instances are immutable; {@link #toString()} prints {@code ***} so that a secret that reaches a log
 * line, an exception message or a report by mistake shows nothing. Only these call {@link #reveal()}: the signing keys
 * of the signer and the signature verifier, the {@code Authorization} header, the payload renderer, and the dispatch
 * flow's PreparedDelivery, which replaces a secret that a target echoes back with {@code ***}.
 */
public final class Secret {

    /** What a secret looks like wherever it is shown. */
    public static final String REDACTED = "***";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Returns a secret holding {@code value}. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value == null");
        return new Secret(value);
    }

    /** Returns the secret's value. Never log it, return it, or put it in an exception. */
    public String reveal() {
        return value;
    }

    /** Returns the secret's value encoded as UTF-8, for use as a MAC key. */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}

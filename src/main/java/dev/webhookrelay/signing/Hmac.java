package dev.webhookrelay.signing;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, with a new {@link Mac} for each call so that it is safe for concurrent use. */
final class Hmac {

    static final String HMAC_SHA256 = "HmacSHA256";

    private Hmac() {
    }

    /** Returns the HMAC-SHA256 of the concatenation of {@code message}, without copying the parts together. */
    static byte[] sha256(byte[] key, byte[]... message) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            for (byte[] part : message) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

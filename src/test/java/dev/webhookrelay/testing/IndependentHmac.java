package dev.webhookrelay.testing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An independent HMAC-SHA256 for tests, so that they do not check the signer against itself. */
public final class IndependentHmac {

    private IndependentHmac() {
    }

    public static String hmacSha256(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

package dev.webhookrelay.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An independent HMAC-SHA256 for tests, so that they do not check the signer against itself. */
public final class IndependentHmac {

    private IndependentHmac() {
    }

    public static String hmacSha256(String key, byte[] message) {
        return HexFormat.of().formatHex(mac(key.getBytes(StandardCharsets.UTF_8), message));
    }

    /** Returns the Standard Webhooks signature (base64, without {@code v1,}) of {@code id.timestamp.body}. */
    public static String standardWebhooks(String whsecSecret, String id, String timestamp, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        content.writeBytes(body);
        byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
        return Base64.getEncoder().encodeToString(mac(key, content.toByteArray()));
    }

    private static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

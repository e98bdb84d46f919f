package dev.webhookrelay.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.webhookrelay.secrets.Secret;

class SignerTest {

    // W&B's documented test vector (API.md, W&B's troubleshooting script).
    static final Secret WANDB_SECRET = Secret.of("your_api_secret");
    static final byte[] WANDB_BODY = utf8("{\"key1\": \"value1\", \"key2\": \"value2\"}");

    // The Standard Webhooks specification's example (README and the reference libraries' tests).
    static final Secret SW_SECRET = Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final String SW_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SW_TIMESTAMP = 1614265330;
    static final byte[] SW_BODY = utf8("{\"test\": 2432232314}");
    static final InstantSource SW_CLOCK = InstantSource.fixed(Instant.ofEpochSecond(SW_TIMESTAMP));

    /** A second Standard Webhooks key, for rotation: base64 of "previous-key-0123456789ab". */
    static final Secret SW_PREVIOUS = Secret.of("whsec_cHJldmlvdXMta2V5LTAxMjM0NTY3ODlhYg==");

    private final Signer signer = new Signer(SW_CLOCK);

    @Test
    void wandbSignsWithLowercaseHexOfDocumentedVector() {
        assertThat(signer.sign(SignatureScheme.WANDB, "dlv_1", WANDB_BODY, List.of(WANDB_SECRET)))
                .containsExactly(Map.entry("X-Wandb-Signature",
                        "e2d2aa9d61dac87d15772d26b6233f2db67b6ce18aee1f94ac73b9178d1493c5"));
    }

    @Test
    void wandbBase64SignsWithStandardBase64OfSameHmac() {
        assertThat(signer.sign(SignatureScheme.WANDB_BASE64, "dlv_1", WANDB_BODY, List.of(WANDB_SECRET)))
                .containsExactly(Map.entry("X-Wandb-Signature", "4tKqnWHayH0Vdy0mtiM/LbZ7bOGK7h+UrHO5F40Uk8U="));
    }

    @Test
    void githubSignsLikeGithubDocumentationExample() {
        // docs.github.com, "Validating webhook deliveries": testing the webhook payload validation.
        assertThat(signer.sign(SignatureScheme.GITHUB, "dlv_1", utf8("Hello, World!"),
                List.of(Secret.of("It's a Secret to Everybody"))))
                .containsExactly(Map.entry("X-Hub-Signature-256",
                        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
    }

    @Test
    void standardWebhooksSignsSpecificationExample() {
        assertThat(signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY, List.of(SW_SECRET)))
                .containsExactly(
                        Map.entry("webhook-id", SW_ID),
                        Map.entry("webhook-timestamp", "1614265330"),
                        Map.entry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    @Test
    void standardWebhooksTakesTimestampFromInjectedClock() {
        Signer later = new Signer(InstantSource.fixed(Instant.ofEpochSecond(SW_TIMESTAMP + 60, 999_000_000)));

        assertThat(later.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY, List.of(SW_SECRET)))
                .containsEntry("webhook-timestamp", "1614265390");
    }

    @Test
    void standardWebhooksSendsOneSignaturePerKeyDuringRotation() {
        Map<String, String> both = signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET, SW_PREVIOUS));
        String current = signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY, List.of(SW_SECRET))
                .get("webhook-signature");
        String previous = signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY, List.of(SW_PREVIOUS))
                .get("webhook-signature");

        assertThat(both.get("webhook-signature")).isEqualTo(current + " " + previous);
        assertThat(current).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(previous).startsWith("v1,").isNotEqualTo(current);
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = { "WANDB", "WANDB_BASE64", "GITHUB" })
    void singleValueSchemesSignWithCurrentKeyOnlyDuringRotation(SignatureScheme scheme) {
        Secret previous = Secret.of("previous_api_secret");

        assertThat(signer.sign(scheme, "dlv_1", WANDB_BODY, List.of(WANDB_SECRET, previous)))
                .isEqualTo(signer.sign(scheme, "dlv_1", WANDB_BODY, List.of(WANDB_SECRET)))
                .hasSize(1);
    }

    @Test
    void signatureCoversExactBytesNotParsedJson() {
        byte[] reordered = utf8("{\"key2\": \"value2\", \"key1\": \"value1\"}");

        assertThat(signer.sign(SignatureScheme.WANDB, "dlv_1", reordered, List.of(WANDB_SECRET)))
                .doesNotContainValue("e2d2aa9d61dac87d15772d26b6233f2db67b6ce18aee1f94ac73b9178d1493c5");
    }

    @Test
    void keyIsSecretUtf8BytesForNonAsciiSecret() {
        // From a UTF-8 shell: printf '%s' '{}' | openssl dgst -sha256 -hmac 'clé-secrète'
        assertThat(signer.sign(SignatureScheme.WANDB, "dlv_1", utf8("{}"), List.of(Secret.of("clé-secrète"))))
                .containsEntry("X-Wandb-Signature",
                        "b98637a4556a652991fdf76771f4474c3c57fc173d2ba2bd4d30334263628cbd");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # secret                                 | message
            MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw          | The current signing secret must have the Standard Webhooks form whsec_<base64>; it does not start with whsec_
            whsec_MfKQ9r8GKYq_rTwjUPD8ILPZIo2LaLaSw   | The current signing secret must have the Standard Webhooks form whsec_<base64>; the part after whsec_ is not valid base64
            whsec_                                    | The current signing secret is empty after whsec_
            """)
    void standardWebhooksRefusesMalformedSecretWithoutShowingIt(String secret, String message) {
        assertThatThrownBy(() -> signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(Secret.of(secret))))
                .isInstanceOf(SignatureException.class)
                .hasMessage(message)
                .hasNoCause();
    }

    @Test
    void malformedPreviousSecretIsNamedAsPrevious() {
        assertThatThrownBy(() -> signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET, Secret.of("not-prefixed"))))
                .isInstanceOf(SignatureException.class)
                .hasMessageStartingWith("The previous signing secret must have the Standard Webhooks form")
                .hasMessageNotContaining("not-prefixed");
    }

    @Test
    void checkSecretLetsCallerNameTheFieldBeforeSigning() {
        assertThatThrownBy(() -> Signer.checkSecret(SignatureScheme.STANDARD_WEBHOOKS, Secret.of("your_api_secret")))
                .isInstanceOf(SignatureException.class)
                .hasMessage("The signing secret must have the Standard Webhooks form whsec_<base64>; "
                        + "it does not start with whsec_");
    }

    @Test
    void checkSecretAcceptsSecretOfTheSchemesForm() {
        Signer.checkSecret(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET);
        Signer.checkSecret(SignatureScheme.WANDB, WANDB_SECRET);
        Signer.checkSecret(SignatureScheme.GITHUB, SW_SECRET); // Any non-empty text is a valid HMAC key there.
    }

    @Test
    void emptySecretIsRefused() {
        assertThatThrownBy(() -> signer.sign(SignatureScheme.WANDB, "dlv_1", WANDB_BODY, List.of(Secret.of(""))))
                .isInstanceOf(SignatureException.class)
                .hasMessage("The current signing secret is empty");
    }

    @Test
    void noKeysIsCallerBug() {
        assertThatThrownBy(() -> signer.sign(SignatureScheme.WANDB, "dlv_1", WANDB_BODY, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keys is empty");
    }

    @Test
    void standardWebhooksNeedsDeliveryId() {
        assertThatThrownBy(() -> signer.sign(SignatureScheme.STANDARD_WEBHOOKS, "", SW_BODY, List.of(SW_SECRET)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deliveryId is empty: Standard Webhooks sends it as webhook-id");
    }

    @Test
    void signedHeadersAreUnmodifiable() {
        Map<String, String> headers = signer.sign(SignatureScheme.WANDB, "dlv_1", WANDB_BODY, List.of(WANDB_SECRET));

        assertThatThrownBy(() -> headers.put("X-Wandb-Signature", "forged"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

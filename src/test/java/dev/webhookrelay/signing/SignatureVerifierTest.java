package dev.webhookrelay.signing;

import static dev.webhookrelay.signing.SignerTest.SW_BODY;
import static dev.webhookrelay.signing.SignerTest.SW_CLOCK;
import static dev.webhookrelay.signing.SignerTest.SW_ID;
import static dev.webhookrelay.signing.SignerTest.SW_PREVIOUS;
import static dev.webhookrelay.signing.SignerTest.SW_SECRET;
import static dev.webhookrelay.signing.SignerTest.SW_TIMESTAMP;
import static dev.webhookrelay.signing.SignerTest.WANDB_BODY;
import static dev.webhookrelay.signing.SignerTest.WANDB_SECRET;
import static dev.webhookrelay.signing.SignerTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.webhookrelay.secrets.Secret;

class SignatureVerifierTest {

    private final Signer signer = new Signer(SW_CLOCK);

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void verifyAcceptsWhatSignerSigns(SignatureScheme scheme) {
        Secret key = keyFor(scheme);
        Map<String, String> headers = signer.sign(scheme, SW_ID, WANDB_BODY, List.of(key));

        assertThatCode(() -> verifier(scheme, key).verify(headers, WANDB_BODY)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void verifyRejectsTamperedBody(SignatureScheme scheme) {
        Secret key = keyFor(scheme);
        Map<String, String> headers = signer.sign(scheme, SW_ID, WANDB_BODY, List.of(key));
        byte[] tampered = utf8("{\"key1\": \"value1\", \"key2\": \"value3\"}");

        assertThatThrownBy(() -> verifier(scheme, key).verify(headers, tampered))
                .isInstanceOf(SignatureException.class)
                .hasMessageStartingWith("No key matches");
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void verifyRejectsWrongKey(SignatureScheme scheme) {
        Map<String, String> headers = signer.sign(scheme, SW_ID, WANDB_BODY, List.of(keyFor(scheme)));
        Secret wrong = scheme == SignatureScheme.STANDARD_WEBHOOKS ? SW_PREVIOUS : Secret.of("not_the_secret");

        assertThatThrownBy(() -> verifier(scheme, wrong).verify(headers, WANDB_BODY))
                .isInstanceOf(SignatureException.class)
                .hasMessageStartingWith("No key matches");
    }

    @Test
    void verifyAcceptsStandardWebhooksSpecificationExample() {
        Map<String, String> headers = Map.of(
                "webhook-id", SW_ID,
                "webhook-timestamp", Long.toString(SW_TIMESTAMP),
                "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        assertThatCode(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET).verify(headers, SW_BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyAcceptsAnyOfSeveralSpaceSeparatedSignatures() {
        Map<String, String> headers = Map.of(
                "webhook-id", SW_ID,
                "webhook-timestamp", Long.toString(SW_TIMESTAMP),
                "webhook-signature", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                        + "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= "
                        + "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        assertThatCode(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET).verify(headers, SW_BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyIgnoresSignatureOfAnotherVersion() {
        Map<String, String> headers = Map.of(
                "webhook-id", SW_ID,
                "webhook-timestamp", Long.toString(SW_TIMESTAMP),
                "webhook-signature", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        assertThatThrownBy(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET).verify(headers, SW_BODY))
                .isInstanceOf(SignatureException.class)
                .hasMessage("No key matches any webhook-signature signature");
    }

    @Test
    void eachRotationSignatureVerifiesWithItsOwnKey() {
        Map<String, String> headers = signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET, SW_PREVIOUS));
        String[] signatures = headers.get("webhook-signature").split(" ");

        assertThat(signatures).hasSize(2);
        assertThatCode(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET)
                .verify(with(headers, "webhook-signature", signatures[0]), SW_BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_PREVIOUS)
                .verify(with(headers, "webhook-signature", signatures[1]), SW_BODY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_PREVIOUS)
                .verify(with(headers, "webhook-signature", signatures[0]), SW_BODY))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void receiverHoldingBothKeysAcceptsEitherDuringRotation() {
        Secret previous = Secret.of("previous_api_secret");
        SignatureVerifier receiver = SignatureVerifier.of(SignatureScheme.WANDB, List.of(WANDB_SECRET, previous));

        assertThatCode(() -> receiver.verify(signer.sign(SignatureScheme.WANDB, "dlv_1", WANDB_BODY,
                List.of(previous)), WANDB_BODY)).doesNotThrowAnyException();
        assertThatCode(() -> receiver.verify(signer.sign(SignatureScheme.WANDB, "dlv_1", WANDB_BODY,
                List.of(WANDB_SECRET)), WANDB_BODY)).doesNotThrowAnyException();
    }

    @Test
    void verifyRejectsTimestampOlderThanTolerance() {
        Map<String, String> headers = signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET));
        SignatureVerifier later = verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET)
                .withClock(at(SW_TIMESTAMP + 301));

        assertThatThrownBy(() -> later.verify(headers, SW_BODY))
                .isInstanceOf(SignatureException.class)
                .hasMessage("Message timestamp too old: 1614265330 is more than 300 seconds before 1614265631");
    }

    @Test
    void verifyRejectsTimestampNewerThanTolerance() {
        Map<String, String> headers = signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET));
        SignatureVerifier earlier = verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET)
                .withClock(at(SW_TIMESTAMP - 301));

        assertThatThrownBy(() -> earlier.verify(headers, SW_BODY))
                .isInstanceOf(SignatureException.class)
                .hasMessage("Message timestamp too new: 1614265330 is more than 300 seconds after 1614265029");
    }

    @Test
    void verifyAcceptsTimestampAtEdgeOfTolerance() {
        Map<String, String> headers = signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET));
        SignatureVerifier verifier = verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET);

        assertThatCode(() -> verifier.withClock(at(SW_TIMESTAMP + 300)).verify(headers, SW_BODY))
                .doesNotThrowAnyException();
        assertThatCode(() -> verifier.withClock(at(SW_TIMESTAMP - 300)).verify(headers, SW_BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyRejectsForgedTimestampEvenWhenFresh() {
        // Replaying an old signature with a new timestamp: the timestamp is signed, so the signature no longer matches.
        Map<String, String> headers = with(signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET)), "webhook-timestamp", Long.toString(SW_TIMESTAMP + 1));

        assertThatThrownBy(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET).verify(headers, SW_BODY))
                .isInstanceOf(SignatureException.class)
                .hasMessage("No key matches any webhook-signature signature");
    }

    @Test
    void verifyRejectsNonNumericTimestamp() {
        Map<String, String> headers = with(signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET)), "webhook-timestamp", "2021-02-26T15:02:10Z");

        assertThatThrownBy(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET).verify(headers, SW_BODY))
                .isInstanceOf(SignatureException.class)
                .hasMessage("Invalid webhook-timestamp: not integer seconds")
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void verifyRejectsMissingHeader() {
        Map<String, String> headers = new HashMap<>(signer.sign(SignatureScheme.STANDARD_WEBHOOKS, SW_ID, SW_BODY,
                List.of(SW_SECRET)));
        headers.remove("webhook-id");

        assertThatThrownBy(() -> verifier(SignatureScheme.STANDARD_WEBHOOKS, SW_SECRET).verify(headers, SW_BODY))
                .isInstanceOf(SignatureException.class)
                .hasMessage("Missing webhook-id header");
    }

    @Test
    void verifyMatchesHeaderNamesCaseInsensitively() {
        Map<String, String> headers = Map.of("x-wandb-signature",
                "e2d2aa9d61dac87d15772d26b6233f2db67b6ce18aee1f94ac73b9178d1493c5");

        assertThatCode(() -> verifier(SignatureScheme.WANDB, WANDB_SECRET).verify(headers, WANDB_BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyTakesHeadersFromLookupFunction() {
        assertThatCode(() -> verifier(SignatureScheme.GITHUB, Secret.of("It's a Secret to Everybody")).verify(
                name -> name.equals("X-Hub-Signature-256")
                        ? "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
                        : null,
                utf8("Hello, World!"))).doesNotThrowAnyException();
    }

    @Test
    void verifyRejectsUppercaseHexBecauseWandbSendsLowercase() {
        Map<String, String> headers = Map.of("X-Wandb-Signature",
                "E2D2AA9D61DAC87D15772D26B6233F2DB67B6CE18AEE1F94AC73B9178D1493C5");

        assertThatThrownBy(() -> verifier(SignatureScheme.WANDB, WANDB_SECRET).verify(headers, WANDB_BODY))
                .isInstanceOf(SignatureException.class)
                .hasMessage("No key matches the X-Wandb-Signature signature");
    }

    @Test
    void toStringRedactsSigningKeys() {
        SignatureVerifier verifier = SignatureVerifier.of(SignatureScheme.STANDARD_WEBHOOKS,
                List.of(SW_SECRET, SW_PREVIOUS));

        assertThat(verifier.toString())
                .isEqualTo("SignatureVerifier{scheme=standard-webhooks, keys=2 x ***}")
                .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(SignatureVerifier.of(SignatureScheme.WANDB, List.of(WANDB_SECRET)).toString())
                .doesNotContain("your_api_secret");
        assertThat(signer.toString()).doesNotContain("your_api_secret", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(List.of(WANDB_SECRET, SW_SECRET)).hasToString("[***, ***]");
    }

    @Test
    void malformedReceiverKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SignatureVerifier.of(SignatureScheme.STANDARD_WEBHOOKS,
                List.of(SW_SECRET, Secret.of("whsec_%%%not-base64%%%"))))
                .isInstanceOf(SignatureException.class)
                .hasMessage("The previous signing secret must have the Standard Webhooks form whsec_<base64>; "
                        + "the part after whsec_ is not valid base64")
                .hasNoCause();
    }

    private static Secret keyFor(SignatureScheme scheme) {
        return scheme == SignatureScheme.STANDARD_WEBHOOKS ? SW_SECRET : WANDB_SECRET;
    }

    private static SignatureVerifier verifier(SignatureScheme scheme, Secret key) {
        return SignatureVerifier.of(scheme, List.of(key)).withClock(SW_CLOCK);
    }

    private static InstantSource at(long epochSecond) {
        return InstantSource.fixed(Instant.ofEpochSecond(epochSecond));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}

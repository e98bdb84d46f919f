package dev.webhookrelay.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.webhookrelay.secrets.Secret;

/**
 * Signs as W&B's troubleshooting script does, by running {@code openssl dgst -sha256 -hmac "$SECRET"} over the body on
 * stdin, and checks that the relay's headers agree. Skipped where openssl is not installed.
 */
class OpensslInteropTest {

    private final Signer signer = new Signer();

    @BeforeAll
    static void opensslIsInstalled() {
        assumeTrue(run("openssl version", "", new byte[0]).startsWith("OpenSSL"), "openssl is not installed");
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void wandbHeaderMatchesOpensslHex(long seed) {
        String secret = randomAsciiSecret(seed);
        byte[] body = randomBody(seed);

        // W&B: SIGNATURE=$(echo -n "$PAYLOAD" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $2}')
        String openssl = run("openssl dgst -sha256 -hmac \"$SECRET\" | awk '{print $2}'", secret, body);

        assertThat(signer.sign(SignatureScheme.WANDB, "dlv_1", body, List.of(Secret.of(secret))))
                .containsEntry(Signer.X_WANDB_SIGNATURE, openssl);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void wandbBase64HeaderMatchesOpensslBinaryBase64(long seed) {
        String secret = randomAsciiSecret(seed);
        byte[] body = randomBody(seed);

        String openssl = run("openssl dgst -sha256 -hmac \"$SECRET\" -binary | base64 -w0", secret, body);

        assertThat(signer.sign(SignatureScheme.WANDB_BASE64, "dlv_1", body, List.of(Secret.of(secret))))
                .containsEntry(Signer.X_WANDB_SIGNATURE, openssl);
    }

    /** Returns a printable ASCII secret: the environment carries it to openssl, so it must survive any locale. */
    private static String randomAsciiSecret(long seed) {
        Random random = new Random(seed);
        StringBuilder secret = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(80); i < n; i++) {
            secret.append((char) (' ' + 1 + random.nextInt(94)));
        }
        return secret.toString();
    }

    /** Returns arbitrary bytes, not only JSON: the signature is over whatever bytes are sent. */
    private static byte[] randomBody(long seed) {
        Random random = new Random(seed * 31);
        byte[] body = new byte[random.nextInt(4096)];
        random.nextBytes(body);
        return body;
    }

    private static String run(String command, String secret, byte[] stdin) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
        builder.environment().put("SECRET", secret);
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package dev.webhookrelay.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.secrets.Secret;

/**
 * Issue 12 (5): every form a target may echo a secret in is redacted, longer secrets win over their prefixes, and a cut
 * never shows the start of a secret. The secrets of the table are {@code s3<cr&t"}, {@code abc123} and
 * {@code abc123-signing}, {@code C:\k/ey} and a secret with a newline and an emoji.
 */
class RedactorTest {

    private static final String ESCAPING = "s3<cr&t\"";

    private final Redactor redactor = redactor(ESCAPING, "abc123", "abc123-signing", "C:\\k/ey", "l1\n\uD83D\uDE00");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # as written, and as the relay's renderer escapes it
            x s3<cr&t" y                                     | x *** y
            {"a": "s3\\u003ccr\\u0026t\\""}                  | {"a": "***"}
            # Jackson: only the quote; Python json.dumps the same, and upper-case hex from others
            {"a": "s3<cr&t\\""}                               | {"a": "***"}
            {"a": "s3\\u003Ccr\\u0026t\\u0022"}               | {"a": "***"}
            # twice escaped: the body echoed inside a JSON string (httpbin's "data")
            {"data": "{\\"a\\": \\"s3\\\\u003ccr\\\\u0026t\\\\\\"\\"}"} | {"data": "{\\"a\\": \\"***\\"}"}
            # a backslash and a slash, raw, escaped and with \\/
            C:\\k/ey                                         | ***
            C:\\\\k/ey                                       | ***
            C:\\\\k\\/ey                                     | ***
            C:\\u005ck\\u002fey                              | ***
            # a newline and an emoji: short escape, and surrogate pairs as json.dumps writes them
            l1\\n\\ud83d\\ude00                              | ***
            l1\\u000A\\uD83D\\uDE00                          | ***
            # the longer secret first: nothing of it is left
            token abc123-signing and abc123                  | token *** and ***
            abc123abc123-signing                             | ***
            # not a secret: kept as it is
            abc12 s3<cr&t C:/k/ey                            | abc12 s3<cr&t C:/k/ey
            `` | ``
            """)
    void redactsEveryFormOfEverySecret(String text, String redacted) {
        assertThat(redactor.redact(text)).isEqualTo(redacted);
    }

    @Test
    void redactsWhatJacksonWritesOfEachSecret() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String secret : List.of(ESCAPING, "C:\\k/ey", "l1\n\uD83D\uDE00")) {
            String echoed = json.writeValueAsString(java.util.Map.of("echo", secret));

            assertThat(redactor.redact(echoed)).isEqualTo("{\"echo\":\"***\"}");
        }
    }

    @Test
    void redactsBeforeCuttingSoASecretAcrossTheCutIsReplacedWhole() {
        String text = "x".repeat(4090) + "abc123-signing" + " tail";

        assertThat(redactor.redact(text, 4096)).isEqualTo("x".repeat(4090) + "***");
    }

    @Test
    void dropsTheStartOfASecretThatRunsPastTheCapture() {
        String text = "x".repeat(4090) + "s3\\u003ccr\\u00"; // The capture itself ended inside the secret.

        assertThat(redactor.redact(text, 4096)).isEqualTo("x".repeat(4090) + "***");
    }

    @Test
    void cutsToTheByteLimitWhenNoSecretIsNear() {
        String text = "é".repeat(3000);

        assertThat(redactor.redact(text, 4096)).isEqualTo("é".repeat(2048));
        assertThat(redactor.redact("short", 4096)).isEqualTo("short");
    }

    @Test
    void ignoresEmptySecrets() {
        assertThat(redactor("").redact("text")).isEqualTo("text");
    }

    private static Redactor redactor(String... secrets) {
        return Redactor.of(Arrays.stream(secrets).map(Secret::of).toList());
    }
}

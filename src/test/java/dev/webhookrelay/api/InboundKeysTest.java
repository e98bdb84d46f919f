package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12, fix 9: {@code relay.inbound.api-keys} fails closed. The configuration reads a setting that is set but empty
 * (such as {@code RELAY_INBOUND_API_KEYS=""} or {@code ","}) as unset; that opened the API to everyone.
 */
class InboundKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            # raw       | parsed
            ''          | NONE
            ','         | NONE
            ' '         | ' '
            """)
    void aSettingWithoutAKeyStopsStartUp(String raw, String parsed) {
        assertThatThrownBy(() -> new InboundKeys(Optional.ofNullable(parsed).map(List::of), raw))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("relay.inbound.api-keys is set but holds an empty key: set one or more keys separated by "
                        + "commas, or remove the setting to rely on IAM authorisation alone");
    }

    @Test
    void aBlankKeyAmongOthersStopsStartUp() {
        assertThatThrownBy(() -> new InboundKeys(Optional.of(List.of("key-a-0123456789", " ")), "key-a-0123456789, ,"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("key-a-0123456789");
    }

    @Test
    void anUnsetSettingRequiresNoKey() {
        assertThat(new InboundKeys(Optional.empty(), null).required()).isFalse();
    }

    @Test
    void onlyAConfiguredKeyMatches() {
        InboundKeys keys = new InboundKeys(Optional.of(List.of("key-a-0123456789", "key-b-0123456789")),
                "key-a-0123456789,key-b-0123456789");

        assertThat(keys.required()).isTrue();
        assertThat(keys.matches("key-b-0123456789")).isTrue();
        assertThat(keys.matches("key-b-012345678")).isFalse();
        assertThat(keys.matches("")).isFalse();
        assertThat(keys.matches(null)).isFalse();
    }
}

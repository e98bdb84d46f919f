package dev.webhookrelay.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 12: how principals compare, how the settings parse, and what {@link Tenancy#authorize} decides. */
class TenancyRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "current-key-0123456789";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # principal                                                   | canonical
            arn:aws:sts::123456789012:assumed-role/team-tiny/ci-run-42    | arn:aws:iam::123456789012:role/team-tiny
            arn:aws-cn:sts::123456789012:assumed-role/team-tiny/s         | arn:aws-cn:iam::123456789012:role/team-tiny
            arn:aws:iam::123456789012:role/teams/ml/team-tiny             | arn:aws:iam::123456789012:role/team-tiny
            arn:aws:iam::123456789012:role/team-tiny                      | arn:aws:iam::123456789012:role/team-tiny
            arn:aws:iam::123456789012:user/alice                          | arn:aws:iam::123456789012:user/alice
            arn:aws:iam::123456789012:root                                | arn:aws:iam::123456789012:root
            # odd: not a session ARN, kept as it is
            arn:aws:sts::123456789012:assumed-role/team-tiny              | arn:aws:sts::123456789012:assumed-role/team-tiny
            """)
    void aPrincipalComparesInCanonicalForm(String principal, String canonical) {
        assertThat(PrincipalArn.canonical(principal)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # relay.tenancy.principals                          | message
            '{"arn:aws:iam::1:role/a": ["tiny-ml"'             | relay.tenancy.principals is not valid JSON (line 1, column 37)
            '["tiny-ml"]'                                       | relay.tenancy.principals must be a non-empty JSON object from identity to entity names
            '{}'                                                | relay.tenancy.principals must be a non-empty JSON object from identity to entity names
            '{"arn:aws:iam::1:role/a": "tiny-ml"}'              | relay.tenancy.principals: arn:aws:iam::1:role/a must map to a non-empty array of entity names
            '{"arn:aws:iam::1:role/a": []}'                     | relay.tenancy.principals: arn:aws:iam::1:role/a must map to a non-empty array of entity names
            '{"arn:aws:iam::1:role/a": ["tiny ml"]}'            | relay.tenancy.principals: arn:aws:iam::1:role/a maps to "tiny ml", which is not an entity name (letters, digits, hyphens and underscores)
            '{"team-tiny": ["tiny-ml"]}'                        | relay.tenancy.principals: team-tiny is not an IAM principal ARN
            """)
    void anInvalidPrincipalsSettingStopsStartUp(String json, String message) {
        assertThatThrownBy(() -> tenancy(Optional.of(json), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void anApiKeyInsteadOfItsDigestIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> tenancy(Optional.empty(), Optional.of("{\"" + KEY + "\": [\"tiny-ml\"]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relay.tenancy.api-keys: every name must be the SHA-256 of a key in lowercase hex "
                        + "(64 characters), e.g. printf %s \"$KEY\" | sha256sum")
                .hasMessageNotContaining(KEY);
    }

    /**
     * The configuration reads a setting that is set but empty (such as {@code RELAY_TENANCY_PRINCIPALS=""}, or an
     * expression with an empty default) as unset; that turned tenancy off.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            # setting                  | raw          | parsed
            relay.tenancy.principals   | ''           | NONE
            relay.tenancy.principals   | ' '          | ' '
            relay.tenancy.principals   | ${TENANCY:}  | NONE
            relay.tenancy.api-keys     | ''           | NONE
            relay.tenancy.api-keys     | ' '          | ' '
            """)
    void aSettingSetToNothingStopsStartUp(String setting, String raw, String parsed) {
        Optional<String> value = Optional.ofNullable(parsed);
        Map<String, String> rawValues = Map.of(setting, raw, "relay.inbound.api-keys", KEY);
        boolean principals = setting.equals("relay.tenancy.principals");

        assertThatThrownBy(() -> tenancy(principals ? value : Optional.empty(), principals ? Optional.empty() : value,
                rawValues))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(setting + " is set but empty: set it to a JSON object from identity to entity names, or "
                        + "remove it");
    }

    @Test
    void boundApiKeysWithoutInboundKeysStopStartUp() {
        String grants = "{\"" + Caller.digest(KEY) + "\": [\"tiny-ml\"]}";

        assertThatThrownBy(() -> tenancy(Optional.empty(), Optional.of(grants),
                Map.of("relay.tenancy.api-keys", grants)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("relay.tenancy.api-keys is set but relay.inbound.api-keys is not: set "
                        + "relay.inbound.api-keys to the keys whose digests relay.tenancy.api-keys binds, so that a "
                        + "presented key is checked, or remove relay.tenancy.api-keys");
    }

    @Test
    void unsetEveryCallerMayActForEveryEntity() {
        assertThatCode(() -> tenancy(Optional.empty(), Optional.empty()).authorize(Caller.ANONYMOUS, "tiny-ml"))
                .doesNotThrowAnyException();
    }

    @Test
    void aBoundApiKeyActsForItsEntitiesOnly() {
        Tenancy tenancy = tenancy(Optional.empty(), Optional.of("{\"" + Caller.digest(KEY) + "\": [\"tiny-ml\"]}"));
        Caller caller = new Caller(Optional.empty(), Optional.of(Caller.digest(KEY)));

        assertThatCode(() -> tenancy.authorize(caller, "tiny-ml")).doesNotThrowAnyException();
        assertThatThrownBy(() -> tenancy.authorize(caller, "other-team"))
                .isInstanceOf(TenancyException.class)
                .hasMessage("The API key presented may not act for entity other-team");
    }

    @Test
    void aCallerActsForTheEntitiesOfAnyOfItsIdentities() {
        Tenancy tenancy = tenancy(Optional.of("{\"arn:aws:iam::123456789012:role/team-tiny\": [\"tiny-ml\"]}"),
                Optional.of("{\"" + Caller.digest(KEY) + "\": [\"other-team\"]}"));
        Caller caller = new Caller(Optional.of("arn:aws:sts::123456789012:assumed-role/team-tiny/s"),
                Optional.of(Caller.digest(KEY)));

        assertThatCode(() -> tenancy.authorize(caller, "tiny-ml")).doesNotThrowAnyException();
        assertThatCode(() -> tenancy.authorize(caller, "other-team")).doesNotThrowAnyException();
        assertThatThrownBy(() -> tenancy.authorize(caller, "third-team")).isInstanceOf(TenancyException.class);
    }

    @Test
    void toStringShowsNoKeyDigest() {
        Caller caller = new Caller(Optional.empty(), Optional.of(Caller.digest(KEY)));

        assertThat(caller.toString()).isEqualTo("Caller[principal=none, apiKey=***]");
    }

    /** Returns the rules of settings set as given, with {@code relay.inbound.api-keys} set alongside any key grants. */
    private static Tenancy tenancy(Optional<String> principals, Optional<String> apiKeys) {
        Map<String, String> raw = new HashMap<>();
        principals.ifPresent(json -> raw.put("relay.tenancy.principals", json));
        apiKeys.ifPresent(json -> raw.put("relay.tenancy.api-keys", json));
        apiKeys.ifPresent(json -> raw.put("relay.inbound.api-keys", KEY));
        return tenancy(principals, apiKeys, raw);
    }

    /** Returns the rules of settings parsed as {@code principals} and {@code apiKeys}, with raw texts {@code raw}. */
    private static Tenancy tenancy(Optional<String> principals, Optional<String> apiKeys, Map<String, String> raw) {
        return new Tenancy(new TenancyConfig() {
            @Override
            public Optional<String> principals() {
                return principals;
            }

            @Override
            public Optional<String> apiKeys() {
                return apiKeys;
            }
        }, JSON, raw::get);
    }
}

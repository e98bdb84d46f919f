package dev.webhookrelay.tenancy;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Which caller may act for which entity: {@code relay.tenancy.*}. */
@ConfigMapping(prefix = "relay.tenancy")
public interface TenancyConfig {

    /**
     * A JSON object from IAM principal ARN to the entity names that principal may act for, such as
     * {@code {"arn:aws:iam::123456789012:role/team-tiny": ["tiny-ml"]}}. The principal is the one API Gateway's IAM
     * authorizer puts in the Lambda event; an assumed-role session counts as its role. Checked at start-up. Default
     * none: with {@link #apiKeys()} also unset, every caller is trusted for every entity.
     */
    Optional<String> principals();

    /**
     * A JSON object from the SHA-256 (lowercase hex) of an inbound API key ({@code relay.inbound.api-keys}) to the
     * entity names a caller presenting that key may act for, such as {@code {"9f86d0…": ["tiny-ml"]}}. Digests, not
     * keys, so that this setting holds no secret. Checked at start-up. Default none.
     */
    Optional<String> apiKeys();
}

package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every function template.yaml deploys with the Secrets Manager store may make the calls that store makes, and obeys
 * the same destination rule. moto enforces no IAM, so no test against it would see a missing permission: the queue
 * consumer lacked {@code DescribeSecret} until this test, which on AWS failed every async delivery with a secret.
 */
class TemplateSecretsPermissionsTest {

    private static final Path TEMPLATE = Path.of("template.yaml");

    @Test
    void everyFunctionReadingSecretsMayDescribeThemAndObeysRequireDestinations() throws IOException {
        Map<String, List<String>> functions = functionsReadingSecrets(Files.readAllLines(TEMPLATE));

        assertThat(functions).containsOnlyKeys("RelayFunction", "DeliveryFunction");
        functions.forEach((name, lines) -> {
            assertThat(lines).as(name + "'s policy").contains(
                    "- " + AwsSecretsManagerSecretStore.GET_SECRET_VALUE,
                    "- " + AwsSecretsManagerSecretStore.DESCRIBE_SECRET);
            assertThat(lines).as(name + "'s environment")
                    .contains("RELAY_SECRETS_REQUIRE_DESTINATIONS: !Ref RequireDestinations");
        });
    }

    /**
     * Returns the trimmed lines of each resource of type {@code AWS::Serverless::Function} whose environment selects
     * the Secrets Manager store, by resource name. A resource is the block under a two-space indented name in
     * {@code Resources}.
     */
    private static Map<String, List<String>> functionsReadingSecrets(List<String> template) {
        Map<String, List<String>> resources = new LinkedHashMap<>();
        boolean inResources = false;
        List<String> current = null;
        for (String line : template) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inResources = line.equals("Resources:");
                current = null;
            } else if (inResources && line.matches("^  [A-Za-z0-9]+:\\s*$")) {
                current = new ArrayList<>();
                resources.put(line.trim().replace(":", ""), current);
            } else if (current != null) {
                current.add(line.trim());
            }
        }
        resources.values().removeIf(lines -> !lines.contains("Type: AWS::Serverless::Function")
                || !lines.contains("RELAY_SECRETS_STORE: aws-secrets-manager"));
        return resources;
    }
}

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
 * Every function template.yaml deploys reads team secrets the one way: the Secrets Manager store and its rules from the
 * template's globals, and the one policy that grants the calls that store makes. moto enforces no IAM, so no test
 * against it would see a missing permission: the queue consumer had its own copy of the policy, without
 * {@code DescribeSecret}, which on AWS failed every async delivery with a secret.
 */
class TemplateSecretsPermissionsTest {

    private static final Path TEMPLATE = Path.of("template.yaml");

    @Test
    void everyFunctionReadsSecretsThroughTheSharedSettingsAndPolicy() throws IOException {
        Map<String, List<String>> blocks = blocks(Files.readAllLines(TEMPLATE));

        assertThat(blocks.get("Globals")).as("the functions' shared environment").contains(
                "RELAY_SECRETS_STORE: aws-secrets-manager",
                "RELAY_SECRETS_REQUIRE_DESTINATIONS: !Ref RequireDestinations");
        assertThat(blocks.get("ReadTeamSecretsPolicy")).as("the secrets policy").contains(
                "Type: AWS::IAM::ManagedPolicy",
                "- " + AwsSecretsManagerSecretStore.GET_SECRET_VALUE,
                "- " + AwsSecretsManagerSecretStore.DESCRIBE_SECRET);
        Map<String, List<String>> functions = new LinkedHashMap<>(blocks);
        functions.values().removeIf(lines -> !lines.contains("Type: AWS::Serverless::Function"));
        assertThat(functions).containsOnlyKeys("RelayFunction", "DeliveryFunction");
        functions.forEach((name, lines) -> {
            assertThat(lines).as(name + "'s policies").contains("- !Ref ReadTeamSecretsPolicy");
            assertThat(lines).as(name + "'s own settings").noneMatch(line -> line.startsWith("RELAY_SECRETS_"));
        });
    }

    /**
     * Returns the trimmed lines of each resource (the block under a two-space indented name in {@code Resources}) by
     * name, and those of {@code Globals} under that name.
     */
    private static Map<String, List<String>> blocks(List<String> template) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        boolean inResources = false;
        List<String> current = null;
        for (String line : template) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inResources = line.equals("Resources:");
                current = line.equals("Globals:") ? new ArrayList<>() : null;
                if (current != null) {
                    blocks.put("Globals", current);
                }
            } else if (inResources && line.matches("^  [A-Za-z0-9]+:\\s*$")) {
                current = new ArrayList<>();
                blocks.put(line.trim().replace(":", ""), current);
            } else if (current != null) {
                current.add(line.trim());
            }
        }
        return blocks;
    }
}

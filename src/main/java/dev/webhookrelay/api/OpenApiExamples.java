package dev.webhookrelay.api;

/**
 * The examples of the OpenAPI document (docs/openapi.yaml), as compile-time constants for the annotations on the
 * resources. The dispatch example is events/github-dispatch.json aimed at GitHub instead of the dev receiver, with two
 * of the template's variables; each report is what the relay reports for its example request, signed with the dev
 * store's secret (dev/secrets.json). OpenApiExamplesTest checks both. What the whole document shares (info, the problem
 * responses, the API key scheme) is in META-INF/openapi.yaml, which the generated document is merged into.
 */
final class OpenApiExamples {

    /** W&B's GitHub repository-dispatch example: alias {@code production} added to {@code CIFAR_10} v0. */
    static final String DISPATCH_REQUEST = """
            {
              "event": {
                "id": "evt-0001",
                "eventType": "ADD_ARTIFACT_ALIAS",
                "author": "frds",
                "entity": {"id": "RW50aXR5OjE=", "name": "tiny-ml"},
                "project": {"id": "UHJvamVjdDoxMjM=", "name": "model-registry"},
                "artifact": {
                  "id": "QXJ0aWZhY3Q6NjI0OTY3Mzkw",
                  "collection": {"id": "QXJ0aWZhY3RTZXF1ZW5jZToxMjM=", "name": "CIFAR_10"},
                  "versionIndex": 0,
                  "versionString": null,
                  "metadata": {"accuracy": 0.93, "framework": "torch"}
                },
                "alias": "production",
                "tag": null
              },
              "integrations": [
                {
                  "id": "SW50ZWdyYXRpb246MQ==",
                  "name": "github-dispatch",
                  "urlEndpoint": "https://api.github.com/repos/acme/ml/dispatches",
                  "accessTokenRef": "GITHUB_TOKEN",
                  "secretRef": "SIGNING_SECRET"
                }
              ],
              "automations": [
                {
                  "name": "deploy-on-prod",
                  "description": "Trigger the deploy workflow when a model version gets the production alias",
                  "enabled": true,
                  "scopeType": "PROJECT",
                  "scopeID": "UHJvamVjdDoxMjM=",
                  "triggeringEventType": "ADD_ARTIFACT_ALIAS",
                  "eventFilter": "{\\"$or\\":[{\\"$and\\":[{\\"alias\\":{\\"$regex\\":\\"^prod.*\\"}}]}]}",
                  "triggeredActionType": "GENERIC_WEBHOOK",
                  "triggeredActionConfig": {
                    "genericWebhookActionInput": {
                      "integrationID": "SW50ZWdyYXRpb246MQ==",
                      "requestPayload": "{\\"event_type\\": \\"BUILD_AND_DEPLOY\\", \\"client_payload\\": {\\"event_author\\": \\"${event_author}\\", \\"artifact_version_string\\": \\"${artifact_version_string}\\"}}"
                    }
                  }
                }
              ]
            }""";

    /** The report of {@link #DISPATCH_REQUEST} when GitHub accepted it. */
    static final String DISPATCH_DELIVERED = """
            {
              "deliveries": [
                {
                  "automation": "deploy-on-prod",
                  "integration": "github-dispatch",
                  "outcome": "DELIVERED",
                  "reason": null,
                  "deliveryId": "dlv_b37cae48d50f02e48acc48e736389385",
                  "warnings": [],
                  "request": {
                    "url": "https://api.github.com/repos/acme/ml/dispatches",
                    "headers": {
                      "Content-Type": "application/json",
                      "User-Agent": "webhook-relay/1",
                      "X-Relay-Delivery-Id": "dlv_b37cae48d50f02e48acc48e736389385",
                      "Authorization": "Bearer ***",
                      "X-Wandb-Signature": "1bead2c3ec03ba591af0385bb876e4d68dfa2c3c20ee08a140c7a7a5b1ddbfe2"
                    },
                    "body": "{\\"event_type\\": \\"BUILD_AND_DEPLOY\\", \\"client_payload\\": {\\"event_author\\": \\"frds\\", \\"artifact_version_string\\": \\"tiny-ml/model-registry/CIFAR_10:production\\"}}",
                    "bodyBytes": 151,
                    "bodyTruncated": false
                  },
                  "attempts": [
                    {"statusCode": 204, "durationMs": 181.4, "error": null, "responseBody": ""}
                  ]
                }
              ],
              "truncated": false
            }""";

    /** The report of {@link #DISPATCH_REQUEST} when GitHub failed three times: the response is a 502 carrying it. */
    static final String DISPATCH_FAILED = """
            {
              "deliveries": [
                {
                  "automation": "deploy-on-prod",
                  "integration": "github-dispatch",
                  "outcome": "FAILED",
                  "reason": "target answered 503; gave up after 3 attempts",
                  "deliveryId": "dlv_b37cae48d50f02e48acc48e736389385",
                  "warnings": [],
                  "request": {
                    "url": "https://api.github.com/repos/acme/ml/dispatches",
                    "headers": {
                      "Content-Type": "application/json",
                      "User-Agent": "webhook-relay/1",
                      "X-Relay-Delivery-Id": "dlv_b37cae48d50f02e48acc48e736389385",
                      "Authorization": "Bearer ***",
                      "X-Wandb-Signature": "1bead2c3ec03ba591af0385bb876e4d68dfa2c3c20ee08a140c7a7a5b1ddbfe2"
                    },
                    "body": "{\\"event_type\\": \\"BUILD_AND_DEPLOY\\", \\"client_payload\\": {\\"event_author\\": \\"frds\\", \\"artifact_version_string\\": \\"tiny-ml/model-registry/CIFAR_10:production\\"}}",
                    "bodyBytes": 151,
                    "bodyTruncated": false
                  },
                  "attempts": [
                    {"statusCode": 503, "durationMs": 95.2, "error": null, "responseBody": "unavailable"},
                    {"statusCode": 503, "durationMs": 88.0, "error": null, "responseBody": "unavailable"},
                    {"statusCode": 503, "durationMs": 91.7, "error": null, "responseBody": "unavailable"}
                  ]
                }
              ],
              "truncated": false
            }""";

    /** W&B's "Test webhook" with the payload of W&B's troubleshooting script. */
    static final String WEBHOOK_TEST_REQUEST = """
            {
              "entity": {"name": "tiny-ml"},
              "integration": {
                "id": "SW50ZWdyYXRpb246MQ==",
                "name": "github-dispatch",
                "urlEndpoint": "https://api.github.com/repos/acme/ml/dispatches",
                "accessTokenRef": "GITHUB_TOKEN",
                "secretRef": "SIGNING_SECRET"
              },
              "payload": {"event_type": "BUILD_AND_DEPLOY", "client_payload": {"key1": "value1"}}
            }""";

    /** The report of {@link #WEBHOOK_TEST_REQUEST}. */
    static final String WEBHOOK_TEST_DELIVERED = """
            {
              "automation": "webhook-test",
              "integration": "github-dispatch",
              "outcome": "DELIVERED",
              "reason": null,
              "deliveryId": "dlv_3f1e9a0c2b7d4e8f9a1b2c3d4e5f6a7b",
              "warnings": [],
              "request": {
                "url": "https://api.github.com/repos/acme/ml/dispatches",
                "headers": {
                  "Content-Type": "application/json",
                  "User-Agent": "webhook-relay/1",
                  "X-Relay-Delivery-Id": "dlv_3f1e9a0c2b7d4e8f9a1b2c3d4e5f6a7b",
                  "Authorization": "Bearer ***",
                  "X-Wandb-Signature": "777111c2d10755ee42562a9d8075a81b596692fc0898112c218d5ecfeacc6282"
                },
                "body": "{\\"event_type\\":\\"BUILD_AND_DEPLOY\\",\\"client_payload\\":{\\"key1\\":\\"value1\\"}}",
                "bodyBytes": 68,
                "bodyTruncated": false
              },
              "attempts": [{"statusCode": 204, "durationMs": 170.3, "error": null, "responseBody": ""}]
            }""";

    private OpenApiExamples() {
    }
}

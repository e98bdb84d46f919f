package dev.webhookrelay.dispatch;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.model.TenantDomain;

/**
 * Recognises the webhook services that examples/ has presets for, by their URL, and checks a rendered body against the
 * limits they document, so that the report warns before the service refuses or truncates a message. It only reads the
 * body: the bytes sent stay exactly as rendered. Unknown targets, and bodies within every limit, get no warning.
 * Stateless and safe for concurrent use.
 */
final class TargetLimits {

    /** GitHub: "Must be 100 characters or fewer" (REST API, create a repository dispatch event). */
    static final int GITHUB_EVENT_TYPE_CHARS = 100;

    /** GitHub: "The maximum number of top-level properties is 10" in client_payload. */
    static final int GITHUB_CLIENT_PAYLOAD_KEYS = 10;

    /** GitHub: the whole JSON payload must be less than 64 KB. */
    static final int GITHUB_BODY_BYTES = 64 * 1024 - 1;

    /** Microsoft Teams: "The message size limit is 28 KB", for connectors and workflows alike. */
    static final int TEAMS_BODY_BYTES = 28 * 1024;

    /** Slack truncates a message's text after 40,000 characters. */
    static final int SLACK_TEXT_CHARS = 40_000;

    /** Slack refuses more than 50 blocks in a message. */
    static final int SLACK_BLOCKS = 50;

    /** Slack refuses a section block whose text is over 3,000 characters. */
    static final int SLACK_SECTION_TEXT_CHARS = 3_000;

    /** Slack refuses a header block whose text is over 150 characters. */
    static final int SLACK_HEADER_TEXT_CHARS = 150;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code /repos/{owner}/{repo}/dispatches}, on api.github.com or under GitHub Enterprise Server's /api/v3. */
    private static final Pattern GITHUB_DISPATCH = Pattern.compile("(/api/v3)?/repos/[^/]+/[^/]+/dispatches/?");

    /** The services this class knows, as their URLs show them. */
    enum Target {
        GITHUB_DISPATCH("GitHub repository_dispatch"),
        TEAMS_WORKFLOW("Microsoft Teams workflow"),
        TEAMS_CONNECTOR("Microsoft Teams connector"),
        SLACK_INCOMING_WEBHOOK("Slack incoming webhook");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    private TargetLimits() {
    }

    /** Returns the target {@code url} points at, or null when it is none this class knows. */
    static Target recognise(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath();
        if (GITHUB_DISPATCH.matcher(path).matches() && (host.equals("api.github.com") || path.startsWith("/api/v3/"))) {
            return Target.GITHUB_DISPATCH;
        }
        Optional<TenantDomain> tenant = TenantDomain.of(host);
        if (tenant.filter(TenantDomain::isTeamsWorkflow).isPresent() && path.contains("/workflows/")) {
            return Target.TEAMS_WORKFLOW;
        }
        if (tenant.filter(TenantDomain.TEAMS_CONNECTOR::equals).isPresent()) {
            return Target.TEAMS_CONNECTOR;
        }
        if (host.equals("hooks.slack.com") && path.startsWith("/services/")) {
            return Target.SLACK_INCOMING_WEBHOOK; // Not /triggers/ or /workflows/: Workflow Builder takes any keys.
        }
        return null;
    }

    /** Returns a warning for each documented limit of {@code url}'s service that {@code body} breaks. */
    static List<String> warnings(URI url, byte[] body) {
        Target target = recognise(url);
        if (target == null) {
            return List.of();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(); // The renderer only produces JSON objects; nothing to add to its own checks.
        }
        List<String> warnings = new ArrayList<>();
        switch (target) {
            case GITHUB_DISPATCH -> github(json, body.length, warnings);
            case TEAMS_WORKFLOW, TEAMS_CONNECTOR -> teams(target, json, body.length, warnings);
            case SLACK_INCOMING_WEBHOOK -> slack(json, warnings);
        }
        return warnings.stream().map(warning -> target.label + ": " + warning).toList();
    }

    private static void github(JsonNode json, int bytes, List<String> warnings) {
        if (bytes > GITHUB_BODY_BYTES) {
            warnings.add("the body is " + bytes + " bytes; GitHub accepts less than 64 KB (65,536 bytes)");
        }
        JsonNode eventType = json.get("event_type");
        if (eventType == null || !eventType.isTextual() || eventType.textValue().isEmpty()) {
            warnings.add("event_type is required: a string naming the repository_dispatch type the workflow "
                    + "listens for");
        } else if (characters(eventType.textValue()) > GITHUB_EVENT_TYPE_CHARS) {
            warnings.add("event_type is " + characters(eventType.textValue()) + " characters; GitHub accepts at most "
                    + GITHUB_EVENT_TYPE_CHARS);
        }
        JsonNode clientPayload = json.get("client_payload");
        if (clientPayload != null && !clientPayload.isNull()) {
            if (!clientPayload.isObject()) {
                warnings.add("client_payload must be a JSON object");
            } else if (clientPayload.size() > GITHUB_CLIENT_PAYLOAD_KEYS) {
                warnings.add("client_payload has " + clientPayload.size() + " top-level keys; GitHub accepts at most "
                        + GITHUB_CLIENT_PAYLOAD_KEYS + " (nest the others under one key)");
            }
        }
    }

    private static void teams(Target target, JsonNode json, int bytes, List<String> warnings) {
        if (bytes > TEAMS_BODY_BYTES) {
            warnings.add("the body is " + bytes + " bytes; Teams accepts at most 28 KB (" + TEAMS_BODY_BYTES
                    + " bytes) per message");
        }
        JsonNode type = json.get("@type");
        if (target == Target.TEAMS_WORKFLOW && type != null && "MessageCard".equalsIgnoreCase(type.asText())) {
            warnings.add("this is a MessageCard, the format of the Office 365 connectors that workflows replace; a "
                    + "workflow posts the Adaptive Cards in \"attachments\" "
                    + "(see examples/teams-workflow-adaptive-card.json)");
        }
    }

    private static void slack(JsonNode json, List<String> warnings) {
        JsonNode text = json.get("text");
        JsonNode blocks = json.get("blocks");
        boolean hasText = text != null && text.isTextual() && !text.textValue().isBlank();
        boolean hasBlocks = blocks != null && blocks.isArray() && !blocks.isEmpty();
        boolean hasAttachments = json.has("attachments");
        if (!hasText && !hasBlocks && !hasAttachments) {
            warnings.add("the message has no text and no blocks; Slack answers 400 no_text");
        }
        if (hasText && characters(text.textValue()) > SLACK_TEXT_CHARS) {
            warnings.add("text is " + characters(text.textValue()) + " characters; Slack truncates it after "
                    + SLACK_TEXT_CHARS);
        }
        if (!hasBlocks) {
            return;
        }
        if (blocks.size() > SLACK_BLOCKS) {
            warnings.add("the message has " + blocks.size() + " blocks; Slack accepts at most " + SLACK_BLOCKS);
        }
        for (int i = 0; i < blocks.size(); i++) {
            String type = blocks.get(i).path("type").asText();
            int limit = type.equals("section") ? SLACK_SECTION_TEXT_CHARS
                    : type.equals("header") ? SLACK_HEADER_TEXT_CHARS : 0;
            JsonNode blockText = blocks.get(i).path("text").path("text");
            if (limit > 0 && blockText.isTextual() && characters(blockText.textValue()) > limit) {
                warnings.add("blocks[" + i + "] (" + type + ") text is " + characters(blockText.textValue())
                        + " characters; Slack accepts at most " + limit);
            }
        }
    }

    /** Returns the length of {@code text} in Unicode code points, as the services count characters. */
    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}

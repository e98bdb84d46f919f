package dev.webhookrelay.dispatch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.delivery.OutboundRequest;
import dev.webhookrelay.delivery.UrlText;
import dev.webhookrelay.model.Integration;
import dev.webhookrelay.payload.RenderBudget;
import dev.webhookrelay.payload.RenderedPayload;
import dev.webhookrelay.payload.TemplateRenderException;
import dev.webhookrelay.payload.TemplateRenderer;
import dev.webhookrelay.secrets.Secret;
import dev.webhookrelay.secrets.SecretRef;
import dev.webhookrelay.secrets.SecretStore;
import dev.webhookrelay.signing.SignatureException;
import dev.webhookrelay.signing.SignatureScheme;
import dev.webhookrelay.signing.Signer;

/**
 * Turns one automation that fires into a request ready to send: resolves the integration's secrets, renders the payload
 * once into bytes, signs those bytes and sets the headers, and warns where a known target's limits would be broken
 * ({@link TargetLimits}). Every failure is an {@link InvalidRequestException} naming the field, thrown before anything
 * is sent.
 */
final class DeliveryPreparer {

    /** The payload variable that holds the integration's access token. */
    static final String ACCESS_TOKEN = "ACCESS_TOKEN";

    static final String DELIVERY_ID_HEADER = "X-Relay-Delivery-Id";
    static final String USER_AGENT = "webhook-relay/1";

    private final TemplateRenderer renderer = new TemplateRenderer();
    private final Signer signer = new Signer();

    private final SecretStore store;

    DeliveryPreparer(SecretStore store) {
        this.store = store;
    }

    /**
     * The secrets one request has resolved, so that automations sharing an integration look each secret up once, and
     * the budget of all the payloads it renders.
     */
    static final class SecretMemo {
        private final Map<SecretRef, Secret> resolved = new HashMap<>();
        private final RenderBudget renderBudget = RenderBudget.perRequest();
    }

    /** Returns {@code job} rendered with {@code variables}, signed and ready to send. */
    PreparedDelivery prepare(DeliveryJob job, Map<String, String> variables, SecretMemo memo) {
        Integration integration = job.integration();
        String entity = job.entity();
        String field = job.integrationField();
        URI url = targetUrl(integration, field);
        Map<String, Secret> templateSecrets = new HashMap<>();
        List<Secret> used = new ArrayList<>();
        Secret token = null;
        if (integration.accessTokenRef() != null) {
            token = resolve(entity, integration.accessTokenRef(), field + ".accessTokenRef", memo);
            templateSecrets.put(ACCESS_TOKEN, token);
            used.add(token);
        }
        SignatureScheme scheme = integration.signature().scheme();
        List<Secret> signingKeys = new ArrayList<>();
        if (integration.secretRef() != null) {
            Secret secret = signingKey(scheme, resolve(entity, integration.secretRef(), field + ".secretRef", memo),
                    field + ".secretRef");
            templateSecrets.put(integration.secretRef(), secret);
            signingKeys.add(secret);
            if (integration.signature().previousSecretRef() != null) {
                String previousField = field + ".signature.previousSecretRef";
                signingKeys.add(signingKey(scheme,
                        resolve(entity, integration.signature().previousSecretRef(), previousField, memo), previousField));
            }
            used.addAll(signingKeys);
        }

        RenderedPayload payload;
        try {
            payload = renderer.render(job.template(), variables, templateSecrets, memo.renderBudget);
        } catch (TemplateRenderException e) {
            throw new InvalidRequestException(job.templateField(), e.getMessage(), e);
        }

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        if (scheme != SignatureScheme.STANDARD_WEBHOOKS) {
            headers.put(DELIVERY_ID_HEADER, job.deliveryId()); // Standard Webhooks carries it as webhook-id.
        }
        Map<String, String> reportedHeaders = new LinkedHashMap<>(headers);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token.reveal());
            reportedHeaders.put("Authorization", "Bearer " + Secret.REDACTED);
        }
        if (!signingKeys.isEmpty()) {
            Map<String, String> signature = signer.sign(scheme, job.deliveryId(), payload.body(), signingKeys);
            headers.putAll(signature);
            reportedHeaders.putAll(signature);
        }
        List<String> warnings = new ArrayList<>(payload.warnings());
        warnings.addAll(TargetLimits.warnings(url, payload.body()));
        return new PreparedDelivery(job.automation(), integration.displayName(), job.deliveryId(), warnings,
                new OutboundRequest(url, headers, payload.body()),
                new ReportedRequest(UrlText.withoutUserInfo(url.toString()), reportedHeaders, payload.redactedBody(),
                        payload.body().length, false), List.copyOf(used));
    }

    /**
     * Checks that {@code job}'s template renders, without resolving secrets or signing.
     *
     * @throws InvalidRequestException if it does not
     */
    void checkTemplate(DeliveryJob job) {
        try {
            renderer.check(job.template());
        } catch (TemplateRenderException e) {
            throw new InvalidRequestException(job.templateField(), e.getMessage(), e);
        }
    }

    /** Returns the template text of a {@code requestPayload}: a JSON string as W&B stores it, or a JSON object. */
    static String templateText(JsonNode requestPayload, String field) {
        if (requestPayload == null || requestPayload.isNull() || requestPayload.isMissingNode()) {
            return "{}";
        }
        if (requestPayload.isTextual()) {
            return requestPayload.textValue();
        }
        if (requestPayload.isObject()) {
            return requestPayload.toString();
        }
        throw new InvalidRequestException(field, "must be a JSON object, or a JSON string holding one");
    }

    /** Returns {@code secret} once the scheme accepts it as a key, e.g. {@code whsec_<base64>} for Standard Webhooks. */
    private static Secret signingKey(SignatureScheme scheme, Secret secret, String field) {
        try {
            Signer.checkSecret(scheme, secret);
            return secret;
        } catch (SignatureException e) {
            throw new InvalidRequestException(field, e.getMessage(), e);
        }
    }

    private Secret resolve(String entity, String name, String field, SecretMemo memo) {
        SecretRef ref = new SecretRef(entity, name);
        Secret secret = memo.resolved.get(ref);
        if (secret == null) {
            secret = store.find(ref).orElseThrow(() -> new InvalidRequestException(field,
                    "Secret " + name + " is not defined for entity " + entity));
            memo.resolved.put(ref, secret);
        }
        return secret;
    }

    private static URI targetUrl(Integration integration, String field) {
        try {
            URI url = new URI(integration.urlEndpoint());
            if (url.getHost() == null || !("https".equalsIgnoreCase(url.getScheme())
                    || "http".equalsIgnoreCase(url.getScheme()))) {
                throw new URISyntaxException(integration.urlEndpoint(), "must be an absolute http or https URL");
            }
            if (url.getPort() == 0 || url.getPort() > 65535) {
                throw new URISyntaxException(integration.urlEndpoint(), "port must be 1 to 65535");
            }
            return url;
        } catch (URISyntaxException e) {
            // The message quotes the URL, which may hold user info: a credential.
            throw new InvalidRequestException(field + ".urlEndpoint",
                    "Invalid webhook URL: " + e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
                            + ": " + UrlText.withoutUserInfo(e.getInput()), e);
        }
    }
}

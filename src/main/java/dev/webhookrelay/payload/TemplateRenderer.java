package dev.webhookrelay.payload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.webhookrelay.cache.BoundedCache;
import dev.webhookrelay.secrets.Secret;

/**
 * Renders W&B payload templates. A template must be a JSON object; its {@code ${name}} placeholders, which stand inside
 * JSON strings, are replaced by JSON-escaped values while every other byte is kept as written. Templates are limited to
 * {@value #MAX_TEMPLATE_BYTES} bytes and rendered payloads to {@value #MAX_PAYLOAD_BYTES}, and all the payloads of one
 * request to a {@link RenderBudget}: rendering stops as soon as the output would pass a limit. Compiled templates are
 * cached (at most {@value #CACHE_SIZE}, least recently used evicted first, and at most 8 MiB of template text), so a
 * warm function parses each template once. Safe for concurrent use.
 */
public final class TemplateRenderer {

    /** Distinct templates kept compiled. */
    static final int CACHE_SIZE = 256;

    /** The summed length of the template texts kept compiled, in characters: 8 MiB. */
    static final long CACHE_CHARS = 8L * 1024 * 1024;

    /** The largest template accepted, in UTF-8 bytes: 64 KiB. */
    public static final int MAX_TEMPLATE_BYTES = 64 * 1024;

    /** The largest rendered payload accepted, in bytes: 512 KiB. */
    public static final int MAX_PAYLOAD_BYTES = 512 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final BoundedCache<String, CompiledTemplate> cache = BoundedCache.ofWeight(CACHE_SIZE, CACHE_CHARS,
            String::length);

    /**
     * Returns {@code template} rendered with the event's {@code variables} and the integration's {@code secrets}.
     *
     * @throws TemplateRenderException if the template is not a JSON object, or the payload would pass
     *         {@value #MAX_PAYLOAD_BYTES} bytes (rendering stops there)
     */
    public RenderedPayload render(String template, Map<String, String> variables, Map<String, Secret> secrets) {
        return render(template, variables, secrets, RenderBudget.of(Long.MAX_VALUE));
    }

    /**
     * Returns {@code template} rendered with the event's {@code variables} and the integration's {@code secrets}, and
     * takes its size from {@code budget}, the budget of every payload rendered for the same request.
     *
     * @throws TemplateRenderException if the template is not a JSON object, or the payload would pass
     *         {@value #MAX_PAYLOAD_BYTES} bytes or what is left of {@code budget} (rendering stops there)
     */
    public RenderedPayload render(String template, Map<String, String> variables, Map<String, Secret> secrets,
            RenderBudget budget) {
        CompiledTemplate compiled = compile(template);
        long left = budget.remaining();
        RenderedPayload rendered = left < MAX_PAYLOAD_BYTES
                ? compiled.render(variables, secrets, (int) left, "Rendered payloads of this request are over the "
                        + "limit of " + budget.total() + " bytes in all")
                : compiled.render(variables, secrets, MAX_PAYLOAD_BYTES, "Rendered payload is over the limit of "
                        + MAX_PAYLOAD_BYTES + " bytes");
        budget.spend(rendered.body().length);
        return rendered;
    }

    /**
     * Checks that {@code template} can be rendered.
     *
     * @throws TemplateRenderException if the template is not a JSON object
     */
    public void check(String template) {
        compile(template);
    }

    private CompiledTemplate compile(String template) {
        return cache.get(template, text -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_TEMPLATE_BYTES) {
                throw new TemplateRenderException("Payload template is " + bytes.length + " bytes; the limit is "
                        + MAX_TEMPLATE_BYTES + " bytes");
            }
            requireJsonObject(bytes);
            return CompiledTemplate.compile(bytes);
        });
    }

    private static void requireJsonObject(byte[] template) {
        try (JsonParser parser = JSON.createParser(template)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new TemplateRenderException("Payload template must be a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new TemplateRenderException("Payload template has content after its JSON object");
            }
        } catch (JsonProcessingException e) {
            // A parser limit (nesting over 1,000 levels, a number over 1,000 digits) is reported without a location.
            JsonLocation at = e.getLocation();
            throw new TemplateRenderException("Payload template is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()), e);
        } catch (IOException e) {
            throw new AssertionError(e); // Parsing an array does no I/O.
        }
    }
}

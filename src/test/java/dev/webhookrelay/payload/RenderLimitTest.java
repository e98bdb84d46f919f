package dev.webhookrelay.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.secrets.Secret;

/**
 * Issue 12 (1): rendering stops at the payload limit, and at what is left of the request's budget, before it allocates
 * past it. Before, a 56 KB template of 7,000 {@code ${alias}} with a 600 KB alias of {@code <} (6 bytes each, escaped)
 * grew toward 25 GB, the size was checked only after rendering, and the function died of OutOfMemoryError.
 */
class RenderLimitTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void amplifyingTemplateIsRefusedBeforeAllocatingPastTheLimit() {
        String template = "{\"a\": \"" + "${alias}".repeat(7_000) + "\"}";
        Map<String, String> variables = Map.of("alias", "<".repeat(600 * 1024));

        long allocated = allocatedWhileRefusing(() -> renderer.render(template, variables, Map.of()));

        // The buffer doubles up to the limit: under two limits' worth, plus the exception.
        assertThat(allocated).isLessThan(4L * TemplateRenderer.MAX_PAYLOAD_BYTES);
    }

    @Test
    void amplifyingSecretIsRefusedAtTheSameCost() {
        String template = "{\"a\": \"" + "${TOKEN}".repeat(7_000) + "\"}";
        Map<String, Secret> secrets = Map.of("TOKEN", Secret.of("&".repeat(600 * 1024)));

        assertThat(allocatedWhileRefusing(() -> renderer.render(template, Map.of(), secrets)))
                .isLessThan(4L * TemplateRenderer.MAX_PAYLOAD_BYTES);
    }

    @Test
    void payloadOfExactlyTheLimitRenders() {
        String template = "{\"a\": \"${blob}\"}";
        String blob = "y".repeat(TemplateRenderer.MAX_PAYLOAD_BYTES - template.length() + "${blob}".length());

        assertThat(renderer.render(template, Map.of("blob", blob), Map.of()).body())
                .hasSize(TemplateRenderer.MAX_PAYLOAD_BYTES);
        assertThatThrownBy(() -> renderer.render(template, Map.of("blob", blob + "y"), Map.of()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessage("Rendered payload is over the limit of 524288 bytes");
    }

    @Test
    void budgetCapsAllThePayloadsOfOneRequest() {
        RenderBudget budget = RenderBudget.of(1_000);
        String template = "{\"a\": \"${blob}\"}";
        Map<String, String> variables = Map.of("blob", "y".repeat(591)); // 600 bytes rendered

        renderer.render(template, variables, Map.of(), budget);

        assertThat(budget.remaining()).isEqualTo(400);
        assertThatThrownBy(() -> renderer.render(template, variables, Map.of(), budget))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessage("Rendered payloads of this request are over the limit of 1000 bytes in all");
        assertThat(budget.remaining()).isEqualTo(400);
    }

    @Test
    void redactedBodyIsCutFromTheOneRenderWithEverySecretShownAsStars() {
        String template = "{\"${KEY}\": \"Bearer ${TOKEN} for ${alias}\", \"again\": \"${TOKEN}\"}";
        Map<String, Secret> secrets = Map.of("TOKEN", Secret.of("s3<cr&t\"é"), "KEY", Secret.of("k"));

        RenderedPayload rendered = renderer.render(template, Map.of("alias", "prod<"), secrets);

        assertThat(new String(rendered.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"k\": \"Bearer s3\\u003ccr\\u0026t\\\"é for prod\\u003c\", \"again\": \"s3\\u003ccr\\u0026t\\\"é\"}");
        assertThat(rendered.redactedBody())
                .isEqualTo("{\"***\": \"Bearer *** for prod\\u003c\", \"again\": \"***\"}");
    }

    /**
     * Returns the bytes this thread allocates while {@code render} is refused as over the payload limit. A first refusal,
     * unmeasured, compiles the template and loads what the refusal needs, so that only the render itself is counted.
     */
    private static long allocatedWhileRefusing(Runnable render) {
        assertThatThrownBy(render::run)
                .isInstanceOf(TemplateRenderException.class)
                .hasMessage("Rendered payload is over the limit of 524288 bytes");
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            render.run();
        } catch (TemplateRenderException expected) {
            return THREADS.getCurrentThreadAllocatedBytes() - before;
        }
        throw new AssertionError("the second render was not refused");
    }
}

package dev.webhookrelay.delivery;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A POST to send: the target {@code url}, the {@code headers} in the order to send them, and the exact {@code body}
 * bytes that were signed. The body array is shared, not copied: nobody may modify it. {@link #toString()} shows no
 * header values, since some carry credentials.
 */
public record OutboundRequest(URI url, Map<String, String> headers, byte[] body) {

    public OutboundRequest {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(body, "body == null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @Override
    public String toString() {
        return "OutboundRequest{url=" + url + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes}";
    }
}

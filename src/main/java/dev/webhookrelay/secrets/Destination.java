package dev.webhookrelay.secrets;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One URL prefix a secret may be sent to: a scheme, a host, a port and the leading whole path segments. Immutable.
 * {@link #parse} refuses anything but an absolute http or https URL without user info, query or fragment. A target
 * URL is admitted when its scheme, host (case-insensitive) and port (the scheme's default when absent) are the same
 * and its path begins with the same segments: {@code /repos/acme} admits {@code /repos/acme} and
 * {@code /repos/acme/ml}, not {@code /repos/acme-ml}. A trailing slash is not a segment.
 */
record Destination(String scheme, String host, int port, List<String> segments) {

    Destination {
        segments = List.copyOf(segments);
    }

    /**
     * Returns the destination {@code prefix}.
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without user info, query or fragment
     */
    static Destination parse(String prefix) {
        URI url;
        try {
            url = new URI(prefix);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Destination is not a URL: " + e.getMessage(), e);
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            // Name the problem without echoing what could be a credential in the user info.
            throw new IllegalArgumentException("Destination may not hold user info, a query or a fragment: "
                    + url.getScheme() + "://" + url.getHost() + "/…");
        }
        return of(url).orElseThrow(() -> new IllegalArgumentException(
                "Destination must be an absolute http or https URL with a host and no . or .. segment: " + prefix));
    }

    /** Returns where {@code url} goes, or empty when it is not an absolute http(s) URL with a host and a clean path. */
    static Optional<Destination> of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
        if (defaultPort < 0 || url.getHost() == null) {
            return Optional.empty();
        }
        List<String> segments = segments(url.getRawPath());
        if (segments == null) {
            return Optional.empty();
        }
        return Optional.of(new Destination(scheme, url.getHost().toLowerCase(Locale.ROOT),
                url.getPort() < 0 ? defaultPort : url.getPort(), segments));
    }

    /** Returns whether {@code target} is this destination or below it. */
    boolean admits(Destination target) {
        return scheme.equals(target.scheme) && host.equals(target.host) && port == target.port
                && target.segments.size() >= segments.size()
                && target.segments.subList(0, segments.size()).equals(segments);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port + "/" + String.join("/", segments);
    }

    /**
     * Returns the decoded segments of {@code rawPath} without the trailing empty one, or null when a segment could move
     * the request elsewhere once a server normalises it: a {@linkplain #isDotSegment dot segment}, or a slash or
     * backslash in encoded form.
     */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return segments;
        }
        String[] raw = rawPath.substring(rawPath.startsWith("/") ? 1 : 0).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            if (i == raw.length - 1 && raw[i].isEmpty()) {
                break;
            }
            String segment;
            try {
                segment = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (isDotSegment(segment) || segment.contains("/") || segment.contains("\\")) {
                return null;
            }
            segments.add(segment);
        }
        return segments;
    }

    /**
     * Returns whether decoded {@code segment} is {@code .} or {@code ..}, alone or before path parameters
     * ({@code ..;x}), which servers such as Tomcat drop before they normalise the path.
     */
    private static boolean isDotSegment(String segment) {
        int parameters = segment.indexOf(';');
        String name = parameters < 0 ? segment : segment.substring(0, parameters);
        return name.equals(".") || name.equals("..");
    }
}

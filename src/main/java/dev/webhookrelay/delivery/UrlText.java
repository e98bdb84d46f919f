package dev.webhookrelay.delivery;

import java.net.URI;

/**
 * The text of a URL as reports, problem details and log lines may show it: user info ({@code alice:pw@}) is a
 * credential, so it is shown as {@code ***@}. Works on any text, parseable as a URI or not, and reads the authority as
 * browsers do ({@code \} counts as {@code /}), so that a URL the relay refuses as invalid is shown safely too. Stateless.
 */
public final class UrlText {

    private UrlText() {
    }

    /**
     * Returns whether {@code url} carries user info: as the URI parses it, or an {@code @} in an authority it could not
     * parse as a server ({@code https://trusted.example@10.0.0.1/} reads as {@code trusted.example} to people).
     */
    public static boolean hasUserInfo(URI url) {
        String authority = url.getRawAuthority();
        return url.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0);
    }

    /** Returns {@code url} with any user info replaced by {@code ***}; null for null. */
    public static String withoutUserInfo(String url) {
        if (url == null) {
            return null;
        }
        int start = schemeEnd(url);
        while (start < url.length() && (url.charAt(start) == '/' || url.charAt(start) == '\\')) {
            start++;
        }
        int end = start;
        while (end < url.length() && "/\\?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at < start ? url : url.substring(0, start) + "***" + url.substring(at);
    }

    /** Returns the index after {@code scheme:} (RFC 3986 section 3.1), or 0 when {@code url} has no scheme. */
    private static int schemeEnd(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i == 0 ? 0 : i + 1;
            }
            boolean schemeChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!schemeChar) {
                return 0;
            }
        }
        return 0;
    }
}

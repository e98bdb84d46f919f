package dev.webhookrelay.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The destinations a Secrets Manager secret names in its tags. Tag {@value #KEY} holds URL prefixes separated by
 * spaces; since a tag value holds at most 256 characters, more prefixes go in {@code webhook-relay:destinations.2},
 * {@code .3} and so on (the numbers need not be contiguous). A secret without such a tag is unbound; one whose tags do
 * not parse, or name no URL, is {@link Destinations#invalid}: it may be sent nowhere.
 */
final class DestinationTags {

    /** The tag key, and the prefix of its continuations. */
    static final String KEY = "webhook-relay:destinations";

    private static final Pattern CONTINUATION = Pattern.compile(Pattern.quote(KEY) + "\\.([2-9]|[1-9][0-9]+)");

    private DestinationTags() {
    }

    /** Returns the destinations that {@code tags} (key to value) name. */
    static Destinations of(Map<String, String> tags) {
        TreeMap<Integer, String> values = new TreeMap<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().equals(KEY)) {
                values.put(1, tag.getValue());
            } else if (tag.getKey().startsWith(KEY)) {
                Matcher continuation = CONTINUATION.matcher(tag.getKey());
                if (!continuation.matches()) {
                    return Destinations.invalid("tag " + tag.getKey() + " is neither " + KEY + " nor " + KEY
                            + ".<2, 3, …>");
                }
                values.put(Integer.parseInt(continuation.group(1)), tag.getValue());
            }
        }
        if (values.isEmpty()) {
            return Destinations.unbound();
        }
        List<String> prefixes = new ArrayList<>();
        for (String value : values.values()) {
            for (String prefix : value.trim().split("\\s+")) {
                if (!prefix.isEmpty()) {
                    prefixes.add(prefix);
                }
            }
        }
        try {
            return Destinations.parse(prefixes);
        } catch (IllegalArgumentException e) {
            return Destinations.invalid("tag " + KEY + ": " + e.getMessage());
        }
    }
}

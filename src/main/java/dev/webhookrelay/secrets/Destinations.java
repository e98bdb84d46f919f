package dev.webhookrelay.secrets;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a secret may be sent: anywhere ({@link #unbound()}, a secret that names no destinations), only to URLs below
 * one of its URL prefixes ({@link #parse}), or nowhere, because what the store holds for it does not parse
 * ({@link #invalid}). Immutable. See {@link Destination} for how a URL matches a prefix.
 */
public final class Destinations {

    private static final Destinations UNBOUND = new Destinations(List.of(), null);

    private final List<Destination> prefixes;
    private final String problem;

    private Destinations(List<Destination> prefixes, String problem) {
        this.prefixes = prefixes;
        this.problem = problem;
    }

    /** Returns the destinations of a secret that names none. */
    public static Destinations unbound() {
        return UNBOUND;
    }

    /**
     * Returns the destinations {@code prefixes}, URL prefixes such as {@code https://api.github.com/repos/acme/}.
     *
     * @throws IllegalArgumentException if there are none, or one is not an absolute http(s) URL, or holds user info,
     *     a query or a fragment
     */
    public static Destinations parse(List<String> prefixes) {
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("A bound secret must name at least one destination");
        }
        return new Destinations(prefixes.stream().map(Destination::parse).toList(), null);
    }

    /** Returns the destinations of a secret whose stored destinations do not parse, for {@code problem}. */
    public static Destinations invalid(String problem) {
        return new Destinations(List.of(), Objects.requireNonNull(problem, "problem == null"));
    }

    /** Returns whether the secret names destinations (valid or not). */
    public boolean isBound() {
        return problem != null || !prefixes.isEmpty();
    }

    /** Returns why the stored destinations do not parse, when they do not: such a secret may be sent nowhere. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Returns whether a secret with these destinations may be sent to {@code url}. */
    public boolean admits(URI url) {
        if (!isBound()) {
            return true;
        }
        Optional<Destination> target = Destination.of(url);
        return target.isPresent() && prefixes.stream().anyMatch(prefix -> prefix.admits(target.get()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Destinations that && prefixes.equals(that.prefixes)
                && Objects.equals(problem, that.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefixes, problem);
    }

    @Override
    public String toString() {
        return problem != null ? "invalid (" + problem + ")" : isBound() ? prefixes.toString() : "unbound";
    }
}

package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12: which URLs a secret's destinations admit, and which destinations are refused. */
class DestinationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # destination                          | target                                          | admitted
            # whole path segments
            https://api.github.com/repos/acme/     | https://api.github.com/repos/acme/ml/dispatches | true
            https://api.github.com/repos/acme/     | https://api.github.com/repos/acme               | true
            https://api.github.com/repos/acme      | https://api.github.com/repos/acme/              | true
            https://example.com/allowed            | https://example.com/allowed/x                   | true
            https://example.com/allowed            | https://example.com/allowed                     | true
            https://example.com/allowed            | https://example.com/allowed-not                 | false
            https://example.com/allowed            | https://example.com/allowe                      | false
            https://example.com/allowed            | https://example.com/                            | false
            https://example.com/allowed            | https://example.com/Allowed                     | false
            https://example.com                    | https://example.com/anything/at/all             | true
            https://example.com/                   | https://example.com                             | true
            # scheme, host and port
            https://example.com/a                  | http://example.com/a                            | false
            https://example.com/a                  | HTTPS://EXAMPLE.COM/a                           | true
            https://Example.COM/a                  | https://example.com/a                           | true
            https://example.com/a                  | https://example.com:443/a                       | true
            http://example.com/a                   | http://example.com:80/a                         | true
            https://example.com:8443/a             | https://example.com/a                           | false
            https://example.com/a                  | https://example.com:8443/a                      | false
            https://example.com/a                  | https://evil.example.com/a                      | false
            https://example.com/a                  | https://example.com.evil.net/a                  | false
            https://example.com/a                  | https://example.com@evil.net/a                  | false
            # paths a server could move elsewhere
            https://example.com/a                  | https://example.com/a/../b                      | false
            https://example.com/a                  | https://example.com/a/%2e%2e/b                  | false
            https://example.com/a                  | https://example.com/a%2F..%2Fb                  | false
            https://example.com/a                  | https://example.com/a/./b                       | false
            https://example.com/a                  | https://example.com/a/%5c..%5cb                 | false
            # ... and dot segments with path parameters, which servers such as Tomcat drop before normalising
            https://hooks.example.com/allowed      | https://hooks.example.com/allowed/..;/other     | false
            https://example.com/a                  | https://example.com/a/..;jsessionid=x/b         | false
            https://example.com/a                  | https://example.com/a/.;x/b                     | false
            https://example.com/a                  | https://example.com/a/%2e%2e;/b                 | false
            https://example.com/a                  | https://example.com/a/%2E;x/b                   | false
            https://example.com/a                  | https://example.com/a/..%3b/b                   | false
            # odd but accepted: a query and encoded characters inside a segment
            https://example.com/a                  | https://example.com/a/b?x=1                     | true
            https://example.com/a%20b              | https://example.com/a%20b/c                     | true
            https://example.com/a                  | https://example.com/a/b;v=1/c                   | true
            https://example.com/a                  | https://example.com/a/...;x                     | true
            """)
    void destinationAdmitsTarget(String destination, String target, boolean admitted) {
        assertThat(Destinations.parse(List.of(destination)).admits(URI.create(target))).isEqualTo(admitted);
    }

    @Test
    void anyOfSeveralDestinationsAdmits() {
        Destinations destinations = Destinations.parse(List.of("https://a.example/x", "https://b.example/y"));

        assertThat(destinations.admits(URI.create("https://b.example/y/z"))).isTrue();
        assertThat(destinations.admits(URI.create("https://b.example/x"))).isFalse();
    }

    @Test
    void anUnboundSecretMayGoAnywhere() {
        assertThat(Destinations.unbound().isBound()).isFalse();
        assertThat(Destinations.unbound().admits(URI.create("https://anywhere.example/"))).isTrue();
    }

    @Test
    void invalidDestinationsAdmitNothing() {
        Destinations invalid = Destinations.invalid("tag webhook-relay:destinations: not a URL");

        assertThat(invalid.isBound()).isTrue();
        assertThat(invalid.admits(URI.create("https://anywhere.example/"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # destination                        | message
            https://user:pw@example.com/a        | Destination may not hold user info, a query or a fragment: https://example.com/…
            https://example.com/a?token=x        | Destination may not hold user info, a query or a fragment: https://example.com/…
            https://example.com/a#top            | Destination may not hold user info, a query or a fragment: https://example.com/…
            ftp://example.com/a                  | Destination must be an absolute http or https URL with a host and no . or .. segment: ftp://example.com/a
            /repos/acme                          | Destination must be an absolute http or https URL with a host and no . or .. segment: /repos/acme
            https://example.com/a/../b           | Destination must be an absolute http or https URL with a host and no . or .. segment: https://example.com/a/../b
            https://example.com/a/..;/b          | Destination must be an absolute http or https URL with a host and no . or .. segment: https://example.com/a/..;/b
            https://example.com/.;x/a            | Destination must be an absolute http or https URL with a host and no . or .. segment: https://example.com/.;x/a
            """)
    void destinationIsRefused(String destination, String message) {
        assertThatThrownBy(() -> Destinations.parse(List.of(destination)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aBoundSecretNamesAtLeastOneDestination() {
        assertThatThrownBy(() -> Destinations.parse(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A bound secret must name at least one destination");
    }

    @Test
    void tagsNameDestinationsSeparatedBySpacesAndContinued() {
        Destinations destinations = DestinationTags.of(Map.of(
                "webhook-relay:destinations", "https://a.example/x  https://b.example/y",
                "webhook-relay:destinations.2", "https://c.example/z",
                "team", "tiny-ml"));

        assertThat(destinations.admits(URI.create("https://a.example/x/1"))).isTrue();
        assertThat(destinations.admits(URI.create("https://b.example/y"))).isTrue();
        assertThat(destinations.admits(URI.create("https://c.example/z/2"))).isTrue();
        assertThat(destinations.admits(URI.create("https://d.example/"))).isFalse();
    }

    @Test
    void aSecretWithoutTheTagIsUnbound() {
        assertThat(DestinationTags.of(Map.of("team", "tiny-ml"))).isEqualTo(Destinations.unbound());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # tag key                        | tag value             | problem
            webhook-relay:destinations       | ftp://x.example/      | tag webhook-relay:destinations: Destination must be an absolute http or https URL with a host and no . or .. segment: ftp://x.example/
            webhook-relay:destinations       | ' '                   | tag webhook-relay:destinations: A bound secret must name at least one destination
            webhook-relay:destinations.1     | https://x.example/    | tag webhook-relay:destinations.1 is neither webhook-relay:destinations nor webhook-relay:destinations.<2, 3, …>
            webhook-relay:destinationss      | https://x.example/    | tag webhook-relay:destinationss is neither webhook-relay:destinations nor webhook-relay:destinations.<2, 3, …>
            """)
    void tagsThatDoNotParseMakeTheSecretUnusable(String key, String value, String problem) {
        Destinations destinations = DestinationTags.of(Map.of(key, value));

        assertThat(destinations.problem()).contains(problem);
        assertThat(destinations.admits(URI.create("https://x.example/"))).isFalse();
    }
}

package dev.webhookrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guard over a table of targets. Its DNS fails the test on any lookup unless a test scripts it, which shows that
 * literals, odd spellings and localhost names are settled before DNS and that nothing here needs the network.
 */
class EgressGuardTest {

    private final List<String> lookups = new ArrayList<>();

    private final EgressGuard.Dns scriptedDns = host -> {
        lookups.add(host);
        Map<String, List<String>> answers = Map.of(
                "public.example", List.of("1.1.1.1", "2606:4700:4700::1111"),
                "mixed.example", List.of("8.8.8.8", "10.0.0.1"),
                "rebind.example", List.of("169.254.169.254"),
                "nat64.example", List.of("64:ff9b::a00:1"));
        List<String> answer = answers.get(host);
        if (answer == null) {
            throw new AssertionError("Unexpected DNS lookup: " + host);
        }
        InetAddress[] addresses = new InetAddress[answer.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = InetAddress.getByName(answer.get(i)); // Literals: no lookup.
        }
        return addresses;
    };

    private EgressGuard guard(String... allowedCidrs) {
        return new EgressGuard(Arrays.stream(allowedCidrs).map(Cidr::parse).toList(), scriptedDns);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # url                                             | reason in the message
            # loopback, in every spelling
            http://127.0.0.1/                                 | loopback: 127.0.0.0/8
            http://127.255.255.254:8080/hook                  | loopback: 127.0.0.0/8
            http://[::1]/                                     | loopback: ::1/128
            http://[0:0:0:0:0:0:0:1]:9001/                    | loopback: ::1/128
            http://localhost/                                 | loopback: 127.0.0.0/8
            http://LOCALHOST./                                | loopback: 127.0.0.0/8
            http://api.localhost:9001/                        | loopback: 127.0.0.0/8
            http://2130706433/                                | loopback: 127.0.0.0/8
            http://0x7f000001/                                | loopback: 127.0.0.0/8
            http://0x7f.1/                                    | loopback: 127.0.0.0/8
            http://0177.0.0.1/                                | loopback: 127.0.0.0/8
            http://0177.1/                                    | loopback: 127.0.0.0/8
            http://127.1/                                     | loopback: 127.0.0.0/8
            http://127.0.1/                                   | loopback: 127.0.0.0/8
            http://127.0.0.1./                                | loopback: 127.0.0.0/8
            http://127.0.0.01/                                | loopback: 127.0.0.0/8
            http://0x7F.0.0.1/                                | loopback: 127.0.0.0/8
            http://017700000001/                              | loopback: 127.0.0.0/8
            # private and carrier-grade NAT
            http://10.0.0.1/                                  | private: 10.0.0.0/8
            http://012.0.0.1/                                 | private: 10.0.0.0/8
            http://167772161/                                 | private: 10.0.0.0/8
            http://172.16.0.1/                                | private: 172.16.0.0/12
            http://172.31.255.255/                            | private: 172.16.0.0/12
            http://192.168.1.1/                               | private: 192.168.0.0/16
            http://0xc0a80101/                                | private: 192.168.0.0/16
            http://100.64.0.1/                                | carrier-grade NAT: 100.64.0.0/10
            http://100.127.255.255/                           | carrier-grade NAT: 100.64.0.0/10
            # link-local and cloud metadata
            http://169.254.1.1/                               | link-local: 169.254.0.0/16
            http://169.254.169.254/latest/meta-data/          | cloud metadata endpoint
            http://2852039166/                                | cloud metadata endpoint
            http://0xa9fea9fe/                                | cloud metadata endpoint
            http://0251.0376.0251.0376/                       | cloud metadata endpoint
            http://169.254.170.2/v2/credentials               | cloud metadata endpoint
            http://169.254.170.23/v1/credentials              | cloud metadata endpoint
            http://100.100.100.200/latest/meta-data/          | cloud metadata endpoint
            http://168.63.129.16/machine?comp=goalstate       | cloud metadata endpoint
            http://[fd00:ec2::254]/latest/meta-data/          | cloud metadata endpoint
            http://[fd00:ec2::23]/                            | cloud metadata endpoint
            http://metadata.google.internal/computeMetadata/  | cloud metadata host name
            http://METADATA.GOOGLE.INTERNAL./                 | cloud metadata host name
            http://instance-data/latest/                      | cloud metadata host name
            http://[fe80::1]/                                 | link-local: fe80::/10
            http://[fe80::a9fe:a9fe]/                         | link-local: fe80::/10
            # unique-local and site-local
            http://[fc00::1]/                                 | unique-local: fc00::/7
            http://[fd12:3456:789a::1]/                       | unique-local: fc00::/7
            http://[fec0::1]/                                 | site-local (deprecated): fec0::/10
            # multicast, broadcast, "this network", reserved
            http://224.0.0.1/                                 | multicast: 224.0.0.0/4
            http://239.255.255.250:1900/                      | multicast: 224.0.0.0/4
            http://[ff02::1]/                                 | multicast: ff00::/8
            http://255.255.255.255/                           | limited broadcast: 255.255.255.255/32
            http://0.0.0.0/                                   | "this network": 0.0.0.0/8
            http://0/                                         | "this network": 0.0.0.0/8
            http://[::]/                                      | unspecified: ::/128
            http://240.0.0.1/                                 | reserved: 240.0.0.0/4
            http://[4000::1]/                                 | not global unicast: outside 2000::/3
            # documentation, benchmarking, IETF assignments
            http://192.0.2.1/                                 | documentation: 192.0.2.0/24
            http://198.51.100.1/                              | documentation: 198.51.100.0/24
            http://203.0.113.1/                               | documentation: 203.0.113.0/24
            http://[2001:db8::1]/                             | documentation: 2001:db8::/32
            http://[3fff::1]/                                 | documentation: 3fff::/20
            http://198.18.0.1/                                | benchmarking: 198.18.0.0/15
            http://192.0.0.1/                                 | IETF protocol assignments: 192.0.0.0/24
            http://192.88.99.1/                               | 6to4 relay anycast: 192.88.99.0/24
            # IPv6 carrying IPv4: mapped, compatible, NAT64, 6to4, Teredo
            http://[::ffff:127.0.0.1]/                        | IPv4-mapped: ::ffff:0:0/96
            http://[::ffff:7f00:1]/                           | IPv4-mapped: ::ffff:0:0/96
            http://[0:0:0:0:0:ffff:a9fe:a9fe]/                | IPv4-mapped: ::ffff:0:0/96
            http://[::ffff:8.8.8.8]/                          | IPv4-mapped: ::ffff:0:0/96
            http://[::127.0.0.1]/                             | IPv4-compatible (deprecated): ::/96
            http://[64:ff9b::7f00:1]/                         | NAT64: 64:ff9b::/96, RFC 6052, embedding 127.0.0.1
            http://[64:ff9b::169.254.169.254]/                | NAT64: 64:ff9b::/96, RFC 6052, embedding 169.254.169.254
            http://[64:ff9b:1::a00:1]/                        | local-use NAT64: 64:ff9b:1::/48
            http://[2002:7f00:1::]/                           | 6to4: 2002::/16, RFC 3056, embedding 127.0.0.1
            http://[2002:a9fe:a9fe::1]/                       | 6to4: 2002::/16, RFC 3056, embedding 169.254.169.254
            http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/    | Teredo: 2001::/32
            http://[100::1]/                                  | discard-only: 100::/64
            # names whose DNS answer is refused: every address is checked
            http://mixed.example/                             | which resolves to 10.0.0.1, is not a public address (private
            http://rebind.example/                            | which resolves to 169.254.169.254, is not a public address (cloud metadata
            http://nat64.example/                             | embedding 10.0.0.1
            """)
    void refusesNonPublicTargets(String url, String reason) {
        assertThatThrownBy(() -> guard().check(URI.create(url)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # url                                             | message
            # neither http nor https
            ftp://8.8.8.8/                                    | Target URL must use http or https: ftp://8.8.8.8/
            file:///etc/passwd                                | Target URL must use http or https: file:///etc/passwd
            gopher://8.8.8.8:70/_x                            | Target URL must use http or https: gopher://8.8.8.8:70/_x
            //8.8.8.8/hook                                    | Target URL must use http or https: //8.8.8.8/hook
            # user info: the host is the part after @, and user info may be a password
            http://public.example@127.0.0.1/                  | Target URL must not contain user info: http://***@127.0.0.1/
            http://user:hunter2@8.8.8.8/hook                  | Target URL must not contain user info: http://***@8.8.8.8/hook
            http://8.8.8.8:80@127.1/                          | Target URL must not contain user info: http://***@127.1/
            # no host
            http:///hook                                      | Target URL has no host: http:///hook
            http:hook                                         | Target URL has no host: http:hook
            # hosts that no browser would connect to: never sent to DNS
            http://1.2.3.4.5/                                 | Target URL host is refused: Invalid IPv4 address: 1.2.3.4.5
            http://256.0.0.1/                                 | Target URL host is refused: Invalid IPv4 address: 256.0.0.1
            http://08.0.0.1/                                  | Target URL host is refused: Invalid IPv4 address: 08.0.0.1
            http://example.0x10/                              | Target URL host is refused: Invalid IPv4 address: example.0x10
            http://%31%32%37.0.0.1/                           | Target URL host is refused: Invalid IPv4 address: %31%32%37.0.0.1
            http://[fe80::1%25eth0]/                          | Target URL host is refused: IPv6 zone ids are not allowed: [fe80::1%25eth0]
            http://[2606:4700::1%25eth0]/                     | Target URL host is refused: IPv6 zone ids are not allowed: [2606:4700::1%25eth0]
            # public, but spelled so that the JDK (and so the HTTP client) cannot read the host
            http://8.8.8.8./                                  | Target URL host is not a valid host name: 8.8.8.8.
            http://0x8.0x8.0x8.0x8/                           | Target URL host is not a valid host name: 0x8.0x8.0x8.0x8
            http://8.8.2056/                                  | Target URL host is not a valid host name: 8.8.2056
            http://ex_ample.com/                              | Target URL host is not a valid host name: ex_ample.com
            """)
    void refusesMalformedTargetsWithExactMessage(String url, String message) {
        assertThatThrownBy(() -> guard().check(URI.create(url)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # url                                             | address connected to
            # public addresses, at the edges of special ranges
            http://8.8.8.8/                                   | 8.8.8.8
            https://1.1.1.1:8443/hook?x=1                     | 1.1.1.1
            http://100.63.255.255/                            | 100.63.255.255
            http://100.128.0.0/                               | 100.128.0.0
            http://172.15.255.255/                            | 172.15.255.255
            http://172.32.0.0/                                | 172.32.0.0
            http://169.253.255.255/                           | 169.253.255.255
            http://223.255.255.255/                           | 223.255.255.255
            https://[2606:4700:4700::1111]/                   | 2606:4700:4700:0:0:0:0:1111
            https://[2001:4860:4860::8888]:8443/              | 2001:4860:4860:0:0:0:0:8888
            # a public name: the first address, which was checked with the others
            https://public.example/hooks/wandb                | 1.1.1.1
            # odd but accepted: spellings the JDK reads, normalised as browsers read them, of public addresses
            HTTPS://8.8.8.8/                                  | 8.8.8.8
            http://134744072/                                 | 8.8.8.8
            http://0x08080808/                                | 8.8.8.8
            http://010.010.010.010/                           | 8.8.8.8
            http://[2606:4700:4700:0:0:0:0:1111]/             | 2606:4700:4700:0:0:0:0:1111
            http://[2606:4700:4700::ABCD]/                    | 2606:4700:4700:0:0:0:0:abcd
            http://[64:ff9b::808:808]/                        | 64:ff9b:0:0:0:0:808:808
            http://[64:ff9b::8.8.8.8]/                        | 64:ff9b:0:0:0:0:808:808
            http://[2002:808:808::1]/                         | 2002:808:808:0:0:0:0:1
            """)
    void allowsPublicTargets(String url, String address) {
        assertThat(guard().check(URI.create(url)).getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # allowed-cidrs        | url                                  | address connected to
            127.0.0.1/32           | http://127.0.0.1:8081/hook           | 127.0.0.1
            127.0.0.1/32           | http://localhost:8081/hook           | 127.0.0.1
            127.0.0.1/32           | http://2130706433:8081/              | 127.0.0.1
            127.0.0.0/8            | http://127.0.0.2/                    | 127.0.0.2
            ::1/128                | http://[::1]:8081/                   | 0:0:0:0:0:0:0:1
            10.0.0.0/8             | http://10.1.2.3/                     | 10.1.2.3
            10.0.0.0/8             | http://mixed.example/                | 8.8.8.8
            169.254.0.0/16         | http://169.254.1.1/                  | 169.254.1.1
            0.0.0.0/0              | http://192.168.1.1/                  | 192.168.1.1
            ::/0                   | http://[fd12::1]/                    | fd12:0:0:0:0:0:0:1
            2002::/16              | http://[2002:7f00:1::]/              | 2002:7f00:1:0:0:0:0:0
            """)
    void allowedCidrsAllowExtraRanges(String allowed, String url, String address) {
        assertThat(guard(allowed).check(URI.create(url)).getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # allowed-cidrs        | url                                  | reason in the message
            # a range allows itself only
            127.0.0.1/32           | http://127.0.0.2/                    | loopback: 127.0.0.0/8
            127.0.0.1/32           | http://[::1]/                        | loopback: ::1/128
            127.0.0.0/8            | http://[::ffff:127.0.0.1]/           | IPv4-mapped: ::ffff:0:0/96
            127.0.0.0/8            | http://[64:ff9b::7f00:1]/            | NAT64: 64:ff9b::/96, RFC 6052, embedding 127.0.0.1
            10.0.0.0/8             | http://[2002:a00:1::1]/              | 6to4: 2002::/16, RFC 3056, embedding 10.0.0.1
            0.0.0.0/0              | http://[::1]/                        | loopback: ::1/128
            # nothing allows metadata endpoints or IPv4-mapped literals
            169.254.0.0/16         | http://169.254.169.254/              | cloud metadata endpoint
            0.0.0.0/0              | http://169.254.169.254/              | cloud metadata endpoint
            0.0.0.0/0              | http://rebind.example/               | cloud metadata endpoint
            ::/0                   | http://[fd00:ec2::254]/              | cloud metadata endpoint
            ::/0                   | http://[::ffff:127.0.0.1]/           | IPv4-mapped: ::ffff:0:0/96
            """)
    void allowedCidrsAllowNothingElse(String allowed, String url, String reason) {
        assertThatThrownBy(() -> guard(allowed).check(URI.create(url)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining(reason);
    }

    /** Issue 12 (7): with a broad IPv6 allow-list, metadata was reachable through the forms that embed IPv4. */
    @ParameterizedTest(name = "{0} does not open {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # allowed-cidrs        | url                                  | reason in the message
            ::/0                   | http://[64:ff9b::a9fe:a9fe]/         | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            ::/0                   | http://[2002:a9fe:a9fe::]/           | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            ::/0                   | http://[::a9fe:a9fe]/                | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            ::/0                   | http://[::ffff:a9fe:a9fe]/           | IPv4-mapped: ::ffff:0:0/96, RFC 4291; never allowed
            64:ff9b::/96           | http://[64:ff9b::a9fe:a9fe]/         | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            64:ff9b::/96           | http://[2002:a9fe:a9fe::]/           | 6to4: 2002::/16, RFC 3056, embedding 169.254.169.254
            64:ff9b::/96           | http://[64:ff9b::169.254.170.2]/     | it embeds 169.254.170.2, a cloud metadata endpoint: never allowed
            64:ff9b::/96           | http://[64:ff9b::a9fe:101]/          | it embeds 169.254.1.1, link-local: 169.254.0.0/16, home of cloud metadata: never allowed
            2002::/16              | http://[2002:a9fe:a9fe::]/           | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            2002::/16              | http://[::ffff:a9fe:a9fe]/           | IPv4-mapped: ::ffff:0:0/96, RFC 4291; never allowed
            # a public-looking metadata address, embedded, with or without an allow-list
            2002::/16              | http://[2002:6464:64c8::1]/          | it embeds 100.100.100.200, a cloud metadata endpoint: never allowed
            127.0.0.1/32           | http://[64:ff9b::a83f:8110]/         | it embeds 168.63.129.16, a cloud metadata endpoint: never allowed
            # local-use NAT64, RFC 8215: each RFC 6052 layout inside 64:ff9b:1::/48 (/48, /56, /64, /96)
            ::/0                   | http://[64:ff9b:1:a9fe:a9:fe00::]/   | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            ::/0                   | http://[64:ff9b:1:a9:fe:a9fe::]/     | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            ::/0                   | http://[64:ff9b:1:0:a9:fea9:fe00:0]/ | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            ::/0                   | http://[64:ff9b:1::a9fe:a9fe]/       | it embeds 169.254.169.254, a cloud metadata endpoint: never allowed
            """)
    void metadataEmbeddedInIpv6IsRefusedWhateverAllowedCidrsSay(String allowed, String url, String reason) {
        assertThatThrownBy(() -> guard(allowed).check(URI.create(url)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void broadIpv6AllowListStillOpensTheEmbeddedPublicAndPrivateAddressesItMeans() {
        assertThat(guard("::/0").check(URI.create("http://[64:ff9b::a00:1]/")).getHostAddress())
                .isEqualTo("64:ff9b:0:0:0:0:a00:1");
        assertThat(guard("::/0").check(URI.create("http://[2002:808:808::1]/")).getHostAddress())
                .isEqualTo("2002:808:808:0:0:0:0:1");
    }

    @Test
    void refusalNamesTargetRangeAndRule() {
        assertThatThrownBy(() -> guard().check(URI.create("http://10.0.0.1/hook")))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage("Target 10.0.0.1 is not a public address (private: 10.0.0.0/8, RFC 1918); "
                        + "relay.egress.allowed-cidrs does not allow it");
    }

    @Test
    void refusalOfOddSpellingNamesTheAddressItMeans() {
        assertThatThrownBy(() -> guard().check(URI.create("http://0x7f.1/")))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage("Target 0x7f.1, which means 127.0.0.1, is not a public address "
                        + "(loopback: 127.0.0.0/8, RFC 1122); relay.egress.allowed-cidrs does not allow it");
        assertThatThrownBy(() -> guard().check(URI.create("http://0177.0.0.1/")))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage("Target 0177.0.0.1, which means 127.0.0.1, is not a public address "
                        + "(loopback: 127.0.0.0/8, RFC 1122); relay.egress.allowed-cidrs does not allow it");
    }

    @Test
    void refusalOfNameNamesTheAddressItResolvesTo() {
        assertThatThrownBy(() -> guard().check(URI.create("http://localhost:8080/")))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage("Target localhost, which resolves to 127.0.0.1, is not a public address "
                        + "(loopback: 127.0.0.0/8, RFC 1122); relay.egress.allowed-cidrs does not allow it");
    }

    @Test
    void refusalOfEmbeddedAddressNamesBothRules() {
        assertThatThrownBy(() -> guard().check(URI.create("http://[64:ff9b::7f00:1]/")))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage("Target [64:ff9b::7f00:1] is not a public address (NAT64: 64:ff9b::/96, RFC 6052, "
                        + "embedding 127.0.0.1 (loopback: 127.0.0.0/8, RFC 1122)); "
                        + "relay.egress.allowed-cidrs does not allow it");
    }

    @Test
    void cloudMetadataIsRefusedEvenWhenAllowedCidrsAllowEverything() {
        assertThatThrownBy(() -> guard("0.0.0.0/0", "::/0").check(URI.create("http://169.254.169.254/latest/")))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage("Target 169.254.169.254 is not a public address (cloud metadata endpoint: never allowed, "
                        + "not even by relay.egress.allowed-cidrs)");
        assertThatThrownBy(() -> guard("0.0.0.0/0").check(URI.create("http://metadata.google.internal/")))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage("Target metadata.google.internal is a cloud metadata host name, never allowed");
    }

    @Test
    void zoneIdRefusalKeepsParserCause() {
        assertThatThrownBy(() -> guard().check(URI.create("http://[fe80::1%25eth0]/")))
                .isInstanceOf(EgressDeniedException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userInfoIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> guard().check(URI.create("https://alice:hunter2@8.8.8.8/")))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageNotContaining("alice")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void literalsAndLocalhostNamesNeverReachDns() {
        for (String url : List.of("http://127.0.0.1/", "http://0x7f.1/", "http://2130706433/", "http://[::1]/",
                "http://localhost/", "http://a.b.localhost./", "http://metadata.google.internal/",
                "http://8.8.8.8/", "http://1.2.3.4.5/")) {
            try {
                guard().check(URI.create(url));
            } catch (DeliveryException expected) {
                // Refused or allowed, either way without a lookup.
            }
        }

        assertThat(lookups).isEmpty();
    }

    @Test
    void everyResolvedAddressIsCheckedAndFirstIsReturned() {
        assertThat(guard().check(URI.create("https://public.example/"))).isEqualTo(address("1.1.1.1"));
        assertThat(lookups).containsExactly("public.example");
    }

    @Test
    void unresolvableHostIsDnsFailureNotRefusal() {
        // RFC 6761: .invalid never resolves, online or off.
        EgressGuard systemDns = new EgressGuard(List.of());

        assertThatThrownBy(() -> systemDns.check(URI.create("https://relay-test.invalid/hook")))
                .isExactlyInstanceOf(DeliveryException.class)
                .hasMessage("dns: cannot resolve relay-test.invalid")
                .hasCauseInstanceOf(UnknownHostException.class);
    }

    @Test
    void emptyDnsAnswerIsDnsFailure() {
        EgressGuard emptyDns = new EgressGuard(List.of(), host -> new InetAddress[0]);

        assertThatThrownBy(() -> emptyDns.check(URI.create("https://empty.example/")))
                .isExactlyInstanceOf(DeliveryException.class)
                .hasMessage("dns: no address for empty.example");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}

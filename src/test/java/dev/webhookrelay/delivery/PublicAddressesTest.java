package dev.webhookrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # address                  | reason
            # IPv4 special-purpose ranges, each at both ends
            0.0.0.0                    | "this network": 0.0.0.0/8, RFC 1122
            0.255.255.255              | "this network": 0.0.0.0/8, RFC 1122
            10.0.0.0                   | private: 10.0.0.0/8, RFC 1918
            10.255.255.255             | private: 10.0.0.0/8, RFC 1918
            100.64.0.0                 | carrier-grade NAT: 100.64.0.0/10, RFC 6598
            100.127.255.255            | carrier-grade NAT: 100.64.0.0/10, RFC 6598
            127.0.0.1                  | loopback: 127.0.0.0/8, RFC 1122
            127.255.255.255            | loopback: 127.0.0.0/8, RFC 1122
            169.254.0.1                | link-local: 169.254.0.0/16, RFC 3927
            169.254.169.254            | link-local: 169.254.0.0/16, RFC 3927
            172.16.0.0                 | private: 172.16.0.0/12, RFC 1918
            172.31.255.255             | private: 172.16.0.0/12, RFC 1918
            192.0.0.8                  | IETF protocol assignments: 192.0.0.0/24, RFC 6890
            192.0.2.1                  | documentation: 192.0.2.0/24, RFC 5737
            192.88.99.1                | 6to4 relay anycast: 192.88.99.0/24, RFC 7526
            192.168.0.1                | private: 192.168.0.0/16, RFC 1918
            198.18.0.1                 | benchmarking: 198.18.0.0/15, RFC 2544
            198.19.255.255             | benchmarking: 198.18.0.0/15, RFC 2544
            198.51.100.1               | documentation: 198.51.100.0/24, RFC 5737
            203.0.113.1                | documentation: 203.0.113.0/24, RFC 5737
            224.0.0.1                  | multicast: 224.0.0.0/4, RFC 5771
            239.255.255.250            | multicast: 224.0.0.0/4, RFC 5771
            240.0.0.1                  | reserved: 240.0.0.0/4, RFC 1112
            255.255.255.254            | reserved: 240.0.0.0/4, RFC 1112
            255.255.255.255            | limited broadcast: 255.255.255.255/32, RFC 919
            # IPv6 special-purpose ranges
            ::                         | unspecified: ::/128, RFC 4291
            ::1                        | loopback: ::1/128, RFC 4291
            ::7f00:1                   | IPv4-compatible (deprecated): ::/96, RFC 4291
            ::808:808                  | IPv4-compatible (deprecated): ::/96, RFC 4291
            64:ff9b:1::a00:1           | local-use NAT64: 64:ff9b:1::/48, RFC 8215
            100::1                     | discard-only: 100::/64, RFC 6666
            2001:0:4136:e378::1        | Teredo: 2001::/32, RFC 4380
            2001:2::1                  | IETF protocol assignments: 2001::/23, RFC 2928
            2001:db8::1                | documentation: 2001:db8::/32, RFC 3849
            3fff::1                    | documentation: 3fff::/20, RFC 9637
            5f00::1                    | segment routing SIDs: 5f00::/16, RFC 9602
            fc00::1                    | unique-local: fc00::/7, RFC 4193
            fd00:ec2::254              | unique-local: fc00::/7, RFC 4193
            fe80::1                    | link-local: fe80::/10, RFC 4291
            fec0::1                    | site-local (deprecated): fec0::/10, RFC 3879
            ff02::1                    | multicast: ff00::/8, RFC 4291
            4000::1                    | not global unicast: outside 2000::/3, RFC 4291
            # IPv6 embedding a non-public IPv4 address
            64:ff9b::7f00:1            | NAT64: 64:ff9b::/96, RFC 6052, embedding 127.0.0.1 (loopback: 127.0.0.0/8, RFC 1122)
            64:ff9b::a9fe:a9fe         | NAT64: 64:ff9b::/96, RFC 6052, embedding 169.254.169.254 (link-local: 169.254.0.0/16, RFC 3927)
            2002:a00:1::1              | 6to4: 2002::/16, RFC 3056, embedding 10.0.0.1 (private: 10.0.0.0/8, RFC 1918)
            2002:7f00:1::              | 6to4: 2002::/16, RFC 3056, embedding 127.0.0.1 (loopback: 127.0.0.0/8, RFC 1122)
            2002:c000:201::            | 6to4: 2002::/16, RFC 3056, embedding 192.0.2.1 (documentation: 192.0.2.0/24, RFC 5737)
            """)
    void refusesSpecialPurposeRangesCitingTheirRule(String address, String reason) throws Exception {
        assertThat(PublicAddresses.nonPublicReason(InetAddress.getByName(address))).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4 just outside the special ranges
            "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255",
            "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.255",
            "192.0.3.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
            // IPv6 global unicast, and NAT64 or 6to4 embedding a public IPv4 address
            "2606:4700:4700::1111", "2001:4860:4860::8888", "2001:200::1", "2600::1", "3ffe::1",
            "64:ff9b::808:808", "2002:808:808::1" })
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(PublicAddresses.nonPublicReason(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void refusesIpv4MappedAddressKeptAsIpv6() throws Exception {
        byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8 };

        assertThat(PublicAddresses.nonPublicReason(Inet6Address.getByAddress(null, mapped, -1)))
                .contains("IPv4-mapped: ::ffff:0:0/96, RFC 4291");
    }
}

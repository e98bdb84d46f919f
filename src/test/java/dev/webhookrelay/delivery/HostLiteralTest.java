package dev.webhookrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spellings of the WHATWG URL Standard's host parser, as browsers and curl read them. */
class HostLiteralTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # host                              | address
            # dotted decimal
            127.0.0.1                           | 127.0.0.1
            8.8.8.8                             | 8.8.8.8
            0.0.0.0                             | 0.0.0.0
            255.255.255.255                     | 255.255.255.255
            # one part: the whole 32 bits
            2130706433                          | 127.0.0.1
            0x7f000001                          | 127.0.0.1
            0X7F000001                          | 127.0.0.1
            017700000001                        | 127.0.0.1
            0                                   | 0.0.0.0
            0x                                  | 0.0.0.0
            4294967295                          | 255.255.255.255
            # two and three parts: the last fills the remaining bytes
            127.1                               | 127.0.0.1
            0x7f.1                              | 127.0.0.1
            127.0.1                             | 127.0.0.1
            10.0x10203                          | 10.1.2.3
            1.65535                             | 1.0.255.255
            169.254.43518                       | 169.254.169.254
            # octal and hex parts, leading zeros
            0177.0.0.1                          | 127.0.0.1
            0x7F.0.0.1                          | 127.0.0.1
            127.0.0.01                          | 127.0.0.1
            010.010.010.010                     | 8.8.8.8
            0x8.0x8.0x8.0x8                     | 8.8.8.8
            00000000000000000000177.0.0.1       | 127.0.0.1
            0x00000000000000000000007f.0.0.1    | 127.0.0.1
            # one trailing dot is dropped
            127.0.0.1.                          | 127.0.0.1
            2130706433.                         | 127.0.0.1
            """)
    void readsIpv4LikeBrowsers(String host, String address) throws Exception {
        assertThat(HostLiteral.parse(host)).contains(InetAddress.getByName(address));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # host                                        | address
            [::1]                                         | ::1
            [0:0:0:0:0:0:0:1]                             | ::1
            [2606:4700:4700::1111]                        | 2606:4700:4700::1111
            [2606:4700:4700::ABCD]                        | 2606:4700:4700::abcd
            [fe80::1]                                     | fe80::1
            [::127.0.0.1]                                 | ::7f00:1
            [64:ff9b::127.0.0.1]                          | 64:ff9b::7f00:1
            """)
    void readsBracketedIpv6(String host, String address) throws Exception {
        assertThat(HostLiteral.parse(host)).contains(InetAddress.getByName(address));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "[::FFFF:7F00:1]" })
    void keepsIpv4MappedAsIpv6SoThatItIsSeen(String host) {
        InetAddress address = HostLiteral.parse(host).orElseThrow();

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(address.getAddress())
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "example.com", "localhost", "api.localhost", "example.com.", "1.example", "127.0.0.1.nip.io",
            "0x7f.example", "xn--nxasmq6b", "a1", "1a", "0x7g",
            "127.0.0.1.." }) // Two trailing dots: the last label is empty, so WHATWG reads a name, which DNS refuses.
    void treatsHostNotEndingInNumberAsName(String host) {
        assertThat(HostLiteral.parse(host)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # host                              | message
            # ends in a number, but no valid IPv4 address: never sent to DNS
            1.2.3.4.5                           | Invalid IPv4 address: 1.2.3.4.5
            256.0.0.1                           | Invalid IPv4 address: 256.0.0.1
            1.2.3.256                           | Invalid IPv4 address: 1.2.3.256
            1.16777216                          | Invalid IPv4 address: 1.16777216
            4294967296                          | Invalid IPv4 address: 4294967296
            08.0.0.1                            | Invalid IPv4 address: 08.0.0.1
            0x7g.0.0.1                          | Invalid IPv4 address: 0x7g.0.0.1
            127..1                              | Invalid IPv4 address: 127..1
            example.1                           | Invalid IPv4 address: example.1
            example.0x10                        | Invalid IPv4 address: example.0x10
            １２７.0.0.1                         | Invalid IPv4 address: １２７.0.0.1
            # bracketed, but no IPv6 literal
            [fe80::1%25eth0]                    | IPv6 zone ids are not allowed: [fe80::1%25eth0]
            [fe80::1%eth0]                      | IPv6 zone ids are not allowed: [fe80::1%eth0]
            [127.0.0.1]                         | Invalid IPv6 address: [127.0.0.1]
            [::1                                | Invalid IPv6 address: [::1
            [localhost]                         | Invalid IPv6 address: [localhost]
            [1:2:3:4:5:6:7:8:9]                 | Invalid IPv6 address: [1:2:3:4:5:6:7:8:9]
            [:::1]                              | Invalid IPv6 address: [:::1]
            """)
    void refusesWhatNoBrowserWouldConnectTo(String host, String message) {
        assertThatThrownBy(() -> HostLiteral.parse(host))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}

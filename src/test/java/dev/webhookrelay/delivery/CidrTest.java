package dev.webhookrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # range               | address          | contained
            10.0.0.0/8            | 10.255.255.255   | true
            10.0.0.0/8            | 11.0.0.0         | false
            100.64.0.0/10         | 100.127.255.255  | true
            100.64.0.0/10         | 100.128.0.0      | false
            127.0.0.1             | 127.0.0.1        | true
            127.0.0.1             | 127.0.0.2        | false
            10.1.2.3/8            | 10.9.9.9         | true
            0.0.0.0/0             | 203.0.113.7      | true
            0.0.0.0/0             | ::1              | false
            ::/0                  | ::1              | true
            ::/0                  | 127.0.0.1        | false
            fc00::/7              | fdff::1          | true
            fc00::/7              | fe00::1          | false
            fe80::/10             | febf::1          | true
            fe80::/10             | fec0::1          | false
             192.168.0.0/16       | 192.168.3.4      | true
            """)
    void containsAddressesOfItsRangeOnly(String range, String address, boolean contained) throws Exception {
        assertThat(Cidr.parse(range).contains(InetAddress.getByName(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # text                | message
            localhost/8           | Invalid CIDR address: localhost/8
            example.com           | Invalid CIDR address: example.com
            10.0.0/8              | Invalid CIDR address: 10.0.0/8
            010.0.0.0/8           | Invalid CIDR address: 010.0.0.0/8
            0x0a.0.0.0/8          | Invalid CIDR address: 0x0a.0.0.0/8
            256.0.0.0/8           | Invalid CIDR address: 256.0.0.0/8
            10.0.0.0/33           | CIDR prefix length out of range: 10.0.0.0/33
            ::/129                | CIDR prefix length out of range: ::/129
            10.0.0.0/-1           | Invalid CIDR prefix length: 10.0.0.0/-1
            10.0.0.0/             | Invalid CIDR prefix length: 10.0.0.0/
            10.0.0.0/8/8          | Invalid CIDR prefix length: 10.0.0.0/8/8
            fe80::1%eth0/64       | Invalid CIDR address: fe80::1%eth0/64
            fc00:::1/7            | Invalid CIDR address: fc00:::1/7
            ::ffff:10.0.0.0/104   | IPv4-mapped CIDR addresses are not supported, write the IPv4 range: ::ffff:10.0.0.0/104
            """)
    void parseRefusesAnythingButStrictNumericRanges(String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void parseRefusesEmptyText() {
        assertThatThrownBy(() -> Cidr.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid CIDR address: ");
    }

    @Test
    void toStringIsTrimmedText() {
        assertThat(Cidr.parse(" 10.0.0.0/8 ")).hasToString("10.0.0.0/8");
        assertThat(Cidr.parse("::1").prefixLength()).isEqualTo(128);
        assertThat(Cidr.parse("0.0.0.0/0").prefixLength()).isZero();
    }
}

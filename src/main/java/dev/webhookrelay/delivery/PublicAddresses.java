package dev.webhookrelay.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses count as public. Everything a cloud function must never reach on a caller's say-so is not: the
 * special-purpose ranges of RFC 6890 and its updates, listed below with their rules.
 */
final class PublicAddresses {

    private static final List<Cidr> NON_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"), // RFC 1122: "this network"
            Cidr.parse("10.0.0.0/8"), // RFC 1918: private
            Cidr.parse("100.64.0.0/10"), // RFC 6598: carrier-grade NAT
            Cidr.parse("127.0.0.0/8"), // RFC 1122: loopback
            Cidr.parse("169.254.0.0/16"), // RFC 3927: link-local, cloud metadata at 169.254.169.254
            Cidr.parse("172.16.0.0/12"), // RFC 1918: private
            Cidr.parse("192.0.0.0/24"), // RFC 6890: IETF protocol assignments
            Cidr.parse("192.0.2.0/24"), // RFC 5737: documentation
            Cidr.parse("192.88.99.0/24"), // RFC 7526: 6to4 relay anycast
            Cidr.parse("192.168.0.0/16"), // RFC 1918: private
            Cidr.parse("198.18.0.0/15"), // RFC 2544: benchmarking
            Cidr.parse("198.51.100.0/24"), // RFC 5737: documentation
            Cidr.parse("203.0.113.0/24"), // RFC 5737: documentation
            Cidr.parse("224.0.0.0/4"), // RFC 5771: multicast
            Cidr.parse("240.0.0.0/4"), // RFC 1112: reserved, 255.255.255.255 broadcast included
            Cidr.parse("::/128"), // RFC 4291: unspecified
            Cidr.parse("::1/128"), // RFC 4291: loopback
            Cidr.parse("::/96"), // RFC 4291: IPv4-compatible (deprecated)
            Cidr.parse("100::/64"), // RFC 6666: discard
            Cidr.parse("2001:db8::/32"), // RFC 3849: documentation
            Cidr.parse("fc00::/7"), // RFC 4193: unique-local
            Cidr.parse("fe80::/10"), // RFC 4291: link-local
            Cidr.parse("fec0::/10"), // RFC 3879: site-local (deprecated)
            Cidr.parse("ff00::/8")); // RFC 4291: multicast

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96"); // RFC 6052: embeds an IPv4 address in the last 32 bits
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16"); // RFC 3056: embeds an IPv4 address in bits 16-47
    private static final Cidr TEREDO = Cidr.parse("2001::/32"); // RFC 4380: embeds an obfuscated IPv4 address

    private PublicAddresses() {
    }

    /** Returns whether {@code address} is public; an address of any special-purpose range is not. */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Cidr range : NON_PUBLIC) {
            if (range.contains(bytes)) {
                return false;
            }
        }
        if (address instanceof Inet6Address) {
            if (isIpv4Mapped(bytes) || TEREDO.contains(bytes)) {
                return false; // Java turns ::ffff:a.b.c.d literals into IPv4 itself; refuse any that slip through.
            }
            if (NAT64.contains(bytes)) {
                return isPublic(ipv4(bytes, 12));
            }
            if (SIX_TO_FOUR.contains(bytes)) {
                return isPublic(ipv4(bytes, 2));
            }
        }
        return address instanceof Inet4Address || address instanceof Inet6Address;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(new byte[] { bytes[offset], bytes[offset + 1], bytes[offset + 2],
                    bytes[offset + 3] });
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // Four bytes are always a valid address.
        }
    }
}

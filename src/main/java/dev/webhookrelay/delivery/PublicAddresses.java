package dev.webhookrelay.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses count as public. Everything a cloud function must never reach on a caller's say-so is not: the
 * special-purpose ranges of RFC 6890 and the IANA registries that follow it, listed below with their rules. IPv6 is
 * public only inside global unicast {@code 2000::/3} (or through the well-known NAT64 prefix), so a range allocated
 * after this list was written is refused until it is understood.
 */
final class PublicAddresses {

    /** A range that is not public, with the name and rule that say why. */
    private record Range(Cidr cidr, String reason) {

        static Range of(String cidr, String name, String rule) {
            return new Range(Cidr.parse(cidr), name + ": " + cidr + ", " + rule);
        }
    }

    private static final List<Range> NON_PUBLIC_IPV4 = List.of(
            Range.of("0.0.0.0/8", "\"this network\"", "RFC 1122"),
            Range.of("10.0.0.0/8", "private", "RFC 1918"),
            Range.of("100.64.0.0/10", "carrier-grade NAT", "RFC 6598"),
            Range.of("127.0.0.0/8", "loopback", "RFC 1122"),
            Range.of("169.254.0.0/16", "link-local", "RFC 3927"), // Cloud metadata lives at 169.254.169.254.
            Range.of("172.16.0.0/12", "private", "RFC 1918"),
            Range.of("192.0.0.0/24", "IETF protocol assignments", "RFC 6890"),
            Range.of("192.0.2.0/24", "documentation", "RFC 5737"),
            Range.of("192.88.99.0/24", "6to4 relay anycast", "RFC 7526"),
            Range.of("192.168.0.0/16", "private", "RFC 1918"),
            Range.of("198.18.0.0/15", "benchmarking", "RFC 2544"),
            Range.of("198.51.100.0/24", "documentation", "RFC 5737"),
            Range.of("203.0.113.0/24", "documentation", "RFC 5737"),
            Range.of("224.0.0.0/4", "multicast", "RFC 5771"),
            Range.of("255.255.255.255/32", "limited broadcast", "RFC 919"),
            Range.of("240.0.0.0/4", "reserved", "RFC 1112"));

    private static final List<Range> NON_PUBLIC_IPV6 = List.of(
            Range.of("::/128", "unspecified", "RFC 4291"),
            Range.of("::1/128", "loopback", "RFC 4291"),
            Range.of("::/96", "IPv4-compatible (deprecated)", "RFC 4291"),
            Range.of("64:ff9b:1::/48", "local-use NAT64", "RFC 8215"),
            Range.of("100::/64", "discard-only", "RFC 6666"),
            Range.of("2001::/32", "Teredo", "RFC 4380"), // Embeds an obfuscated IPv4 address.
            Range.of("2001::/23", "IETF protocol assignments", "RFC 2928"),
            Range.of("2001:db8::/32", "documentation", "RFC 3849"),
            Range.of("3fff::/20", "documentation", "RFC 9637"),
            Range.of("5f00::/16", "segment routing SIDs", "RFC 9602"),
            Range.of("fc00::/7", "unique-local", "RFC 4193"),
            Range.of("fe80::/10", "link-local", "RFC 4291"),
            Range.of("fec0::/10", "site-local (deprecated)", "RFC 3879"),
            Range.of("ff00::/8", "multicast", "RFC 4291"));

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96"); // RFC 6052: the last 32 bits are an IPv4 address.
    private static final Cidr LOCAL_NAT64 = Cidr.parse("64:ff9b:1::/48"); // RFC 8215: any RFC 6052 prefix inside it.
    private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96"); // RFC 4291: the last 32 bits are an IPv4 address.
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16"); // RFC 3056: bits 16-47 are an IPv4 address.
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3"); // RFC 4291, IANA IPv6 address space.

    private PublicAddresses() {
    }

    /**
     * Returns why {@code address} is not public, naming its range and rule ({@code "loopback: 127.0.0.0/8, RFC 1122"}),
     * or empty when it is public.
     */
    static Optional<String> nonPublicReason(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return reason(NON_PUBLIC_IPV4, bytes);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("not an IP address"); // Fail closed on any other kind.
        }
        if (isIpv4Mapped(bytes)) {
            // The JDK turns resolved ::ffff:a.b.c.d into IPv4 itself; refuse any that slip through as IPv6.
            return Optional.of("IPv4-mapped: ::ffff:0:0/96, RFC 4291");
        }
        Optional<String> special = reason(NON_PUBLIC_IPV6, bytes);
        if (special.isPresent()) {
            return special;
        }
        if (NAT64.contains(bytes)) {
            return embedded("NAT64: 64:ff9b::/96, RFC 6052", bytes, 12);
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return embedded("6to4: 2002::/16, RFC 3056", bytes, 2);
        }
        if (!GLOBAL_UNICAST.contains(bytes)) {
            return Optional.of("not global unicast: outside 2000::/3, RFC 4291");
        }
        return Optional.empty();
    }

    /** Returns whether the sixteen {@code bytes} are an IPv4-mapped address, {@code ::ffff:a.b.c.d}. */
    static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /**
     * Returns every IPv4 address that the sixteen {@code bytes} may carry for a translator or relay to reach:
     * IPv4-mapped and IPv4-compatible (RFC 4291), NAT64 under {@code 64:ff9b::/96} (RFC 6052) and under the local-use
     * {@code 64:ff9b:1::/48}, read at each place RFC 6052 section 2.2 allows for a prefix of 48, 56, 64 or 96 bits
     * (RFC 8215), and 6to4 (RFC 3056). Empty for any other address.
     */
    static List<InetAddress> embeddedIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return List.of();
        }
        if (isIpv4Mapped(bytes) || IPV4_COMPATIBLE.contains(bytes) || NAT64.contains(bytes)) {
            return List.of(ipv4(bytes, 12, 13, 14, 15));
        }
        if (LOCAL_NAT64.contains(bytes)) {
            // Bits 64 to 71 (byte 8) are the reserved "u" octet, skipped by the embedding.
            return List.of(ipv4(bytes, 6, 7, 9, 10), ipv4(bytes, 7, 9, 10, 11), ipv4(bytes, 9, 10, 11, 12),
                    ipv4(bytes, 12, 13, 14, 15));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return List.of(ipv4(bytes, 2, 3, 4, 5));
        }
        return List.of();
    }

    private static Optional<String> reason(List<Range> ranges, byte[] bytes) {
        for (Range range : ranges) {
            if (range.cidr().contains(bytes)) {
                return Optional.of(range.reason());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(String prefix, byte[] bytes, int offset) {
        InetAddress ipv4 = ipv4(bytes, offset, offset + 1, offset + 2, offset + 3);
        return nonPublicReason(ipv4).map(reason -> prefix + ", embedding " + ipv4.getHostAddress() + " (" + reason + ")");
    }

    /** Returns the IPv4 address of the four {@code bytes} at the offsets given, in order. */
    private static InetAddress ipv4(byte[] bytes, int first, int second, int third, int fourth) {
        return InetAddresses.fromBytes(new byte[] { bytes[first], bytes[second], bytes[third], bytes[fourth] });
    }
}

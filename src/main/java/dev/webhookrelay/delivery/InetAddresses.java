package dev.webhookrelay.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two ways this package makes an address without DNS: from raw bytes, and from an IPv6 literal. Stateless.
 */
final class InetAddresses {

    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private InetAddresses() {
    }

    /**
     * Returns the address of four (IPv4) or sixteen (IPv6) {@code bytes}, named {@code hostName} (null for none). Sixteen
     * bytes stay IPv6 even when they are IPv4-mapped, where {@link InetAddress#getByAddress(byte[])} would return IPv4.
     *
     * @throws IllegalArgumentException if there are neither four nor sixteen bytes
     */
    static InetAddress fromBytes(String hostName, byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("An IP address has 4 or 16 bytes, not " + bytes.length);
        }
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(hostName, bytes, -1)
                    : InetAddress.getByAddress(hostName, bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // Four or sixteen bytes are always a valid address.
        }
    }

    /** Returns the address of four or sixteen {@code bytes}, without a host name. */
    static InetAddress fromBytes(byte[] bytes) {
        return fromBytes(null, bytes);
    }

    /**
     * Returns the sixteen bytes of the IPv6 {@code literal} (without brackets or zone id), IPv4-mapped ones included, or
     * empty when it is not an IPv6 address. Never touches DNS.
     */
    static Optional<byte[]> ipv6(String literal) {
        if (literal.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(literal).matches()) {
            return Optional.empty();
        }
        InetAddress parsed;
        try {
            // Brackets make the JDK parse a literal or fail; without them an invalid literal would go to DNS.
            parsed = InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (parsed instanceof Inet4Address) {
            // The JDK returns IPv4 only for ::ffff:a.b.c.d (RFC 4291 IPv4-mapped); keep it IPv6 so that it is seen.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return Optional.of(mapped);
        }
        return Optional.of(parsed.getAddress());
    }
}

package dev.webhookrelay.delivery;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a URL host the way browsers and curl do, before any DNS lookup, so that no spelling of an address passes for a
 * name and no name is read as an address by the resolver behind our back.
 *
 * <p>
 * IPv4 follows the WHATWG URL Standard's IPv4 parser, which keeps the {@code inet_aton} forms: a host whose last label
 * is a number is an IPv4 address or invalid, never a name. Parts may be decimal, octal ({@code 0177}) or hex
 * ({@code 0x7f}), and fewer than four parts fill the last one ({@code 127.1}, {@code 2130706433}); a trailing dot is
 * dropped. The JDK alone would read {@code 0177.0.0.1} as 177.0.0.1 and send {@code 0x7f000001} to DNS.
 *
 * <p>
 * IPv6 is a bracketed literal. IPv4-mapped addresses stay IPv6 here (the JDK turns {@code ::ffff:127.0.0.1} into the
 * IPv4 address) so that the guard can refuse them as such. Zone ids ({@code [fe80::1%25eth0]}) are refused: they only
 * make sense for link-local addresses.
 */
final class HostLiteral {

    private static final long MAX_IPV4 = 0xFFFF_FFFFL;
    private static final long FAILURE = -1;

    private HostLiteral() {
    }

    /**
     * Returns the address {@code host} spells, or empty when it is a domain name.
     *
     * @throws IllegalArgumentException if {@code host} is empty, ends in a number but is no valid IPv4 address, or is
     *         a bracketed literal that is no valid IPv6 address or carries a zone id
     */
    static Optional<InetAddress> parse(String host) {
        Objects.requireNonNull(host, "host == null");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Empty host");
        }
        if (host.startsWith("[")) {
            return Optional.of(ipv6(host));
        }
        if (endsInNumber(host)) {
            long ipv4 = ipv4(host);
            if (ipv4 == FAILURE) {
                throw new IllegalArgumentException("Invalid IPv4 address: " + host);
            }
            return Optional.of(InetAddresses.fromBytes(new byte[] { (byte) (ipv4 >>> 24), (byte) (ipv4 >>> 16),
                    (byte) (ipv4 >>> 8), (byte) ipv4 }));
        }
        return Optional.empty();
    }

    private static InetAddress ipv6(String host) {
        if (!host.endsWith("]")) {
            throw new IllegalArgumentException("Invalid IPv6 address: " + host);
        }
        String literal = host.substring(1, host.length() - 1);
        if (literal.indexOf('%') >= 0) {
            throw new IllegalArgumentException("IPv6 zone ids are not allowed: " + host);
        }
        byte[] bytes = InetAddresses.ipv6(literal)
                .orElseThrow(() -> new IllegalArgumentException("Invalid IPv6 address: " + host));
        return InetAddresses.fromBytes(bytes);
    }

    /** WHATWG URL Standard, "ends in a number checker". */
    private static boolean endsInNumber(String host) {
        String[] parts = host.split("\\.", -1);
        int last = parts.length - 1;
        if (parts[last].isEmpty()) {
            if (parts.length == 1) {
                return false;
            }
            last--;
        }
        String part = parts[last];
        if (!part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return ipv4Number(part) != FAILURE;
    }

    /** WHATWG URL Standard, "IPv4 parser": returns the address as an unsigned 32-bit value, or {@link #FAILURE}. */
    private static long ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        int count = parts.length;
        if (parts[count - 1].isEmpty() && count > 1) {
            count--; // One trailing dot is allowed: "127.0.0.1." is 127.0.0.1.
        }
        if (count > 4) {
            return FAILURE;
        }
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = ipv4Number(parts[i]);
            if (numbers[i] == FAILURE) {
                return FAILURE;
            }
        }
        for (int i = 0; i < count - 1; i++) {
            if (numbers[i] > 255) {
                return FAILURE;
            }
        }
        if (numbers[count - 1] >= 1L << (8 * (5 - count))) {
            return FAILURE; // The last part fills the bytes the others leave: 24 bits in "127.1".
        }
        long ipv4 = numbers[count - 1];
        for (int i = 0; i < count - 1; i++) {
            ipv4 += numbers[i] << (8 * (3 - i));
        }
        return ipv4;
    }

    /** WHATWG URL Standard, "IPv4 number parser": {@code 0x} is hex, a leading {@code 0} octal, else decimal. */
    private static long ipv4Number(String part) {
        if (part.isEmpty()) {
            return FAILURE;
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = asciiDigit(digits.charAt(i), radix);
            if (digit < 0) {
                return FAILURE;
            }
            value = value * radix + digit;
            if (value > MAX_IPV4) {
                return FAILURE; // Too large for any part; also keeps the arithmetic from overflowing.
            }
        }
        return value;
    }

    /** Returns the value of an ASCII digit in {@code radix}; {@link Character#digit} would also take other scripts. */
    private static int asciiDigit(char c, int radix) {
        int digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
        return digit < radix ? digit : -1;
    }
}

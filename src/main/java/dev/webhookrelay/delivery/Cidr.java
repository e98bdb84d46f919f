package dev.webhookrelay.delivery;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. Immutable. Parsing is strict and never touches DNS:
 * IPv4 is four decimal parts without leading zeros (so that {@code 010.0.0.0} cannot mean 10 to one reader and 8 to
 * another), IPv6 is hex and colons. Host bits after the prefix are ignored: {@code 10.1.2.3/8} is {@code 10.0.0.0/8}.
 */
final class Cidr {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Returns the range written as {@code address/prefix}; a bare address is a range of one.
     *
     * @throws IllegalArgumentException if {@code text} is not such a range
     */
    static Cidr parse(String text) {
        Objects.requireNonNull(text, "text == null");
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] network = address.indexOf(':') >= 0 ? ipv6(address, text) : ipv4(address, text);
        int bits = network.length * 8;
        int prefixLength = bits;
        if (slash >= 0) {
            String prefix = trimmed.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("Invalid CIDR prefix length: " + text);
            }
            prefixLength = Integer.parseInt(prefix);
            if (prefixLength > bits) {
                throw new IllegalArgumentException("CIDR prefix length out of range: " + text);
            }
        }
        return new Cidr(network, prefixLength, trimmed);
    }

    /** Returns whether {@code address} lies in this range; an address of the other family never does. */
    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Returns whether the address of raw bytes {@code address} lies in this range. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainder = prefixLength % 8;
        if (remainder == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainder)) & 0xff;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Returns the number of leading bits that define the range: 0 for a range that holds a whole family. */
    int prefixLength() {
        return prefixLength;
    }

    /** Returns whether this is an IPv4 range. */
    boolean isIpv4() {
        return network.length == 4;
    }

    private static byte[] ipv4(String address, String text) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Invalid CIDR address: " + text);
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            // Decimal only, no leading zero: inet_aton and browsers read 010 as octal 8, Java as decimal 10.
            if (!parts[i].matches("0|[1-9]\\d{0,2}") || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("Invalid CIDR address: " + text);
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    private static byte[] ipv6(String address, String text) {
        byte[] bytes = InetAddresses.ipv6(address)
                .orElseThrow(() -> new IllegalArgumentException("Invalid CIDR address: " + text));
        if (PublicAddresses.isIpv4Mapped(bytes)) {
            throw new IllegalArgumentException("IPv4-mapped CIDR addresses are not supported, write the IPv4 range: "
                    + text);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return text;
    }
}

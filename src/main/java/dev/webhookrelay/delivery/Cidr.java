package dev.webhookrelay.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. Immutable. */
final class Cidr {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** Returns the range written as {@code address/prefix}; a bare address is a range of one. */
    static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] network = literalBytes(address, text);
        int bits = network.length * 8;
        int prefixLength = bits;
        if (slash >= 0) {
            try {
                prefixLength = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid CIDR prefix length: " + text, e);
            }
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("CIDR prefix length out of range: " + text);
            }
        }
        return new Cidr(network, prefixLength, trimmed);
    }

    /** Returns whether {@code address} lies in this range; an address of the other family never does. */
    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

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

    private static byte[] literalBytes(String address, String text) {
        // Only numeric literals: a host name here would be resolved through DNS, which a range must never depend on.
        boolean ipv6 = address.indexOf(':') >= 0;
        boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!ipv6 && !ipv4) {
            throw new IllegalArgumentException("Invalid CIDR address: " + text);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return Arrays.copyOf(bytes, bytes.length);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Invalid CIDR address: " + text, e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

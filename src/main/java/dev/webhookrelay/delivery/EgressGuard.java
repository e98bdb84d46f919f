package dev.webhookrelay.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * Decides which address a delivery may connect to. The host is read as browsers read it ({@link HostLiteral}), resolved
 * here, every address it resolves to is checked, and the first one is returned so that the client connects to the very
 * address that was checked: a DNS answer that changes between check and connect cannot redirect a delivery. Fails
 * closed: a host with any refused address is refused, and so is anything the guard cannot read. Immutable and safe for
 * concurrent use. docs/egress.md lists what is refused and why.
 *
 * <p>
 * {@code relay.egress.allowed-cidrs} allows non-public ranges, except the few targets nothing allows: cloud metadata
 * endpoints, IPv6 addresses that embed one or any link-local IPv4 address (NAT64, 6to4, IPv4-compatible, IPv4-mapped),
 * IPv4-mapped IPv6 literals and URLs with user info.
 */
final class EgressGuard {

    private static final Logger LOG = Logger.getLogger(EgressGuard.class);

    private static final String NOT_ALLOWED = "; relay.egress.allowed-cidrs does not allow it";

    /** Credential and metadata services: never a webhook target, whatever relay.egress.allowed-cidrs says. */
    private static final List<Cidr> CLOUD_METADATA = List.of(
            Cidr.parse("169.254.169.254"), // AWS, GCP, Azure, OCI, DigitalOcean instance metadata (IMDS)
            Cidr.parse("fd00:ec2::254"), // AWS IMDS over IPv6
            Cidr.parse("169.254.170.2"), // AWS ECS and Fargate task metadata and credentials
            Cidr.parse("169.254.170.23"), // AWS EKS Pod Identity agent
            Cidr.parse("fd00:ec2::23"), // AWS EKS Pod Identity agent over IPv6
            Cidr.parse("100.100.100.200"), // Alibaba Cloud instance metadata
            Cidr.parse("168.63.129.16")); // Azure WireServer and host agent: a public-looking address

    /** Link-local IPv4 (RFC 3927), home of cloud metadata: never reached through an IPv6 address that embeds it. */
    private static final Cidr LINK_LOCAL_IPV4 = Cidr.parse("169.254.0.0/16");

    /** Host names of metadata services, refused before any DNS lookup. */
    private static final Set<String> CLOUD_METADATA_NAMES = Set.of(
            "metadata.google.internal", // GCP
            "metadata.goog", // GCP
            "metadata", // GCP short name in the VM's search domain
            "instance-data", // AWS, through the VPC resolver
            "instance-data.ec2.internal"); // AWS

    private static final InetAddress IPV4_LOOPBACK = InetAddresses.fromBytes("localhost",
            new byte[] { 127, 0, 0, 1 });

    /** Resolves host names; tests replace it so that no lookup leaves the machine. Safe for concurrent use. */
    @FunctionalInterface
    interface Dns {

        /** The system resolver, through the JDK. */
        Dns SYSTEM = InetAddress::getAllByName;

        /** Returns every address of {@code host}, never an empty array. */
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final List<Cidr> allowed;
    private final Dns dns;

    /** A guard that allows public addresses and the {@code allowed} ranges, resolving through the system. */
    EgressGuard(List<Cidr> allowed) {
        this(allowed, Dns.SYSTEM);
    }

    EgressGuard(List<Cidr> allowed, Dns dns) {
        this.allowed = List.copyOf(allowed);
        this.dns = Objects.requireNonNull(dns, "dns == null");
        for (Cidr range : this.allowed) {
            if (range.prefixLength() == 0) {
                // Honoured, as an operator may mean it; but it is rarely what they meant.
                LOG.warnf("relay.egress.allowed-cidrs contains %s, which allows every %s address: deliveries may "
                        + "reach loopback, private and link-local networks. Cloud metadata endpoints stay refused.",
                        range, range.isIpv4() ? "IPv4" : "IPv6");
            }
        }
    }

    /**
     * Returns the address to connect to for {@code url}.
     *
     * @throws EgressDeniedException if the URL's scheme, user info or host, or any of its host's addresses, is refused
     * @throws DeliveryException if the host cannot be resolved; the message starts with {@code dns:}
     */
    InetAddress check(URI url) {
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new EgressDeniedException("Target URL must use http or https: " + redacted(url));
        }
        if (UrlText.hasUserInfo(url)) {
            // "https://trusted.example@10.0.0.1/" reads as trusted.example to people; and user info is a credential.
            throw new EgressDeniedException("Target URL must not contain user info: " + redacted(url));
        }
        boolean serverBased = url.getHost() != null;
        String host = serverBased ? url.getHost() : hostOfAuthority(url.getRawAuthority());
        if (host == null || host.isEmpty()) {
            throw new EgressDeniedException("Target URL has no host: " + redacted(url));
        }

        Optional<InetAddress> literal;
        try {
            literal = HostLiteral.parse(host);
        } catch (IllegalArgumentException e) {
            throw denied("Target URL host is refused: " + e.getMessage(), e);
        }
        if (!serverBased) {
            // The JDK could not read the host ("127.1", "0x7f.1", "127.0.0.1."); name the address a browser would reach.
            literal.ifPresent(address -> refuseIfDenied(host, address, true));
            throw new EgressDeniedException("Target URL host is not a valid host name: " + host);
        }
        InetAddress[] addresses = literal.isPresent() ? new InetAddress[] { literal.get() } : resolve(host);
        for (InetAddress address : addresses) {
            refuseIfDenied(host, address, literal.isPresent());
        }
        return addresses[0];
    }

    private InetAddress[] resolve(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (isLoopbackName(name)) {
            // RFC 6761 section 6.3: localhost names are loopback and never go to DNS. One IPv4 address, which allowed-cidrs
            // can name; a receiver listening on ::1 only is reached as [::1].
            return new InetAddress[] { IPV4_LOOPBACK };
        }
        if (CLOUD_METADATA_NAMES.contains(name)) {
            throw new EgressDeniedException("Target " + host + " is a cloud metadata host name, never allowed");
        }
        InetAddress[] addresses;
        try {
            addresses = dns.lookup(host);
        } catch (UnknownHostException e) {
            throw new DeliveryException("dns: cannot resolve " + host, e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new DeliveryException("dns: no address for " + host);
        }
        return addresses;
    }

    private void refuseIfDenied(String host, InetAddress address, boolean literal) {
        String subject = subject(host, address, literal);
        if (isCloudMetadata(address)) {
            throw new EgressDeniedException(subject + " is not a public address (cloud metadata endpoint: never "
                    + "allowed, not even by relay.egress.allowed-cidrs)");
        }
        if (isIpv4Mapped(address)) {
            throw new EgressDeniedException(subject + " is not a public address (IPv4-mapped: ::ffff:0:0/96, RFC 4291;"
                    + " never allowed, write the IPv4 address)");
        }
        if (!isAllowedRange(address)) {
            Optional<String> reason = PublicAddresses.nonPublicReason(address);
            if (reason.isPresent()) {
                throw new EgressDeniedException(subject + " is not a public address (" + reason.get() + ")"
                        + NOT_ALLOWED);
            }
        }
        refuseIfEmbedsMetadata(subject, address);
    }

    /**
     * Refuses an address that is about to be allowed (public, or in allowed-cidrs) but embeds a cloud metadata endpoint
     * or any link-local IPv4 address: NAT64, 6to4 and the IPv4 forms of IPv6 reach the IPv4 address they carry.
     */
    private static void refuseIfEmbedsMetadata(String subject, InetAddress address) {
        for (InetAddress embedded : PublicAddresses.embeddedIpv4(address.getAddress())) {
            if (isCloudMetadata(embedded) || LINK_LOCAL_IPV4.contains(embedded)) {
                throw new EgressDeniedException(subject + " is not a public address (it embeds "
                        + embedded.getHostAddress() + (isCloudMetadata(embedded) ? ", a cloud metadata endpoint"
                                : ", link-local: 169.254.0.0/16, home of cloud metadata")
                        + ": never allowed, not even by relay.egress.allowed-cidrs)");
            }
        }
    }

    /** Returns "Target 10.0.0.1", "Target 0x7f.1, which means 127.0.0.1," or "Target x, which resolves to 10.0.0.1,". */
    private static String subject(String host, InetAddress address, boolean literal) {
        String text = address.getHostAddress();
        if (literal && (host.startsWith("[") || host.equals(text))) {
            return "Target " + host;
        }
        return "Target " + host + (literal ? ", which means " : ", which resolves to ") + text + ",";
    }

    /** RFC 6761 section 6.3: "localhost" and any name under it. */
    private static boolean isLoopbackName(String name) {
        return name.equals("localhost") || name.endsWith(".localhost");
    }

    private static boolean isCloudMetadata(InetAddress address) {
        for (Cidr endpoint : CLOUD_METADATA) {
            if (endpoint.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 4291 section 2.5.5.2, ::ffff:a.b.c.d, as {@link HostLiteral} keeps it. */
    private static boolean isIpv4Mapped(InetAddress address) {
        return PublicAddresses.isIpv4Mapped(address.getAddress());
    }

    /** Returns whether {@code address} lies in a range of {@code relay.egress.allowed-cidrs}. */
    private boolean isAllowedRange(InetAddress address) {
        for (Cidr range : allowed) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the host part of an authority the JDK did not parse as server-based: no user info, no port. */
    private static String hostOfAuthority(String authority) {
        if (authority == null) {
            return null;
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority : authority.substring(0, close + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /** Returns {@code url} as text with any user info replaced by {@code ***}: it may hold a password. */
    private static String redacted(URI url) {
        return UrlText.withoutUserInfo(url.toString());
    }

    private static EgressDeniedException denied(String message, Throwable cause) {
        return new EgressDeniedException(message, cause);
    }
}

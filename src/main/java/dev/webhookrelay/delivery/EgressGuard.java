package dev.webhookrelay.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Decides which address a delivery may connect to. The host is resolved here, every address it resolves to is checked,
 * and the first one is returned so that the client connects to the very address that was checked: a DNS answer that
 * changes between check and connect cannot redirect a delivery. Fails closed: a host with any refused address is
 * refused. Immutable and safe for concurrent use.
 */
final class EgressGuard {

    private final List<Cidr> allowed;

    EgressGuard(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /**
     * Returns the address to connect to for {@code url}.
     *
     * @throws EgressDeniedException if the URL's scheme or any of its host's addresses is refused
     * @throws DeliveryException if the host cannot be resolved
     */
    InetAddress check(URI url) {
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new EgressDeniedException("Target URL must use http or https: " + url);
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new EgressDeniedException("Target URL has no host: " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new DeliveryException("dns: cannot resolve " + host, e);
        }
        for (InetAddress address : addresses) {
            if (!isAllowed(address)) {
                throw new EgressDeniedException("Target " + host + " resolves to " + address.getHostAddress()
                        + ", which is not a public address; relay.egress.allowed-cidrs does not allow it");
            }
        }
        return addresses[0];
    }

    private boolean isAllowed(InetAddress address) {
        for (Cidr range : allowed) {
            if (range.contains(address)) {
                return true;
            }
        }
        return PublicAddresses.isPublic(address);
    }
}

package dev.webhookrelay.delivery;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where deliveries may go: {@code relay.egress.*}. */
@ConfigMapping(prefix = "relay.egress")
public interface EgressConfig {

    /**
     * Extra address ranges (CIDRs such as {@code 10.0.0.0/8} or {@code ::1/128}) that deliveries may reach besides
     * public addresses. Default none: public addresses only.
     */
    Optional<List<String>> allowedCidrs();
}

package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.delivery.HangingDns;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12 (4): a host name whose lookup never answers costs a delivery no more than a connection that never opens. On
 * a real dispatch and on a dry run, every one of 100 such automations is reported FAILED for a DNS timeout, inside the
 * dispatch deadline, and the report comes back.
 */
@QuarkusTest
@TestProfile(HangingDns.Profile.class)
class DnsDeadlineTest {

    @Test
    void dispatchToHundredSilentNamesReportsEachAsADnsTimeout() {
        Map<String, Object> report = Relay.dispatch(hundredSilentNames())
                .statusCode(502)
                .extract().as(Map.class);

        List<Map<String, Object>> deliveries = deliveries(report);
        assertThat(deliveries).hasSize(100).allSatisfy(delivery -> {
            assertThat(delivery.get("outcome")).isEqualTo("FAILED");
            assertThat((List<Map<String, Object>>) delivery.get("attempts")).isNotEmpty()
                    .allSatisfy(attempt -> assertThat((String) attempt.get("error"))
                            .matches("dns: timeout: n\\d+\\.hang\\.example did not resolve within \\d+ ms"));
        });
    }

    @Test
    void dryRunOfHundredSilentNamesReportsEachAsADnsTimeout() {
        Map<String, Object> report = Relay.dryRun(hundredSilentNames())
                .statusCode(502)
                .extract().as(Map.class);

        assertThat(deliveries(report)).hasSize(100).allSatisfy(delivery -> {
            assertThat(delivery.get("outcome")).isEqualTo("FAILED");
            assertThat((String) delivery.get("reason"))
                    .matches("dns: timeout: n\\d+\\.hang\\.example did not resolve within \\d+ ms");
        });
    }

    private static ObjectNode hundredSilentNames() {
        ObjectNode request = Requests.githubDispatch(URI.create("https://n0" + HangingDns.DOMAIN + "/hook"));
        request.withArray("integrations").removeAll();
        request.withArray("automations").removeAll();
        for (int i = 0; i < 100; i++) {
            String id = "silent-" + i;
            request.withArray("integrations").add(Requests.integration(id,
                    URI.create("https://n" + i + HangingDns.DOMAIN + "/hook")));
            request.withArray("automations").add(Requests.automation(id, id, Requests.GITHUB_TEMPLATE));
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deliveries(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("deliveries");
    }
}

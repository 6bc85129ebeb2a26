// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.DocSnippets;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Gateway;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.ThroughGateway;
import urelay.e2e.harness.UrelayProcess;

/**
 * A client routed through a gateway namespace reaches nginx behind it only because a TPROXY
 * rule there hands its connections to urelay's {@code tproxy} listener; the rules and the
 * config are the ones {@code docs/capture-tproxy.md} shows, read from that page.
 */
@EndToEnd(tools = {"nginx", "curl", "nft", "iptables-nft", "ip6tables-nft"})
class TproxyIT {

    private static final String PAGE = "capture-tproxy.md";
    private static final int PORT = 15001;

    private final Cleanup cleanup = new Cleanup();
    private Gateway net;
    private Nginx nginx;

    @BeforeEach
    void buildNetwork() {
        net = cleanup.add(Gateway.create());
        nginx = cleanup.add(ThroughGateway.startServer(net));
    }

    @AfterEach
    void removeNetwork() {
        cleanup.close();
    }

    @Test
    void withoutARuleTheGatewayCarriesNothing() {
        ThroughGateway.nothingGetsThroughUncaptured(net);
    }

    @Test
    void nftTproxyRuleHandsBothFamiliesToOneListenerWithTheirOriginalDestinations() {
        DocSnippets.runInside(net.gateway(), PAGE, "tproxy-nft");

        try (UrelayProcess urelay = startUrelay()) {
            ThroughGateway.fetchesBothFamilies(net, nginx, urelay, "gateway");
        }
    }

    @Test
    void iptablesNftTproxyTargetDoesTheSame() {
        DocSnippets.runInside(net.gateway(), PAGE, "tproxy-iptables");

        try (UrelayProcess urelay = startUrelay()) {
            ThroughGateway.fetchesBothFamilies(net, nginx, urelay, "gateway");
        }
    }

    private UrelayProcess startUrelay() {
        return UrelayProcess.run(net.gateway(), DocSnippets.get(PAGE, "tproxy-config"), List.of(net.gateway()), PORT);
    }
}

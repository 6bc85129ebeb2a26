// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.DocSnippets;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Gateway;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.TempDirs;
import urelay.e2e.harness.ThroughGateway;
import urelay.e2e.harness.UrelayProcess;

/**
 * A client routed through a gateway namespace reaches nginx behind it only because a REDIRECT
 * rule there sends its connections to urelay's {@code redirect} listener, which reads each
 * one's original destination from connection tracking; the rule and the config are the ones
 * {@code docs/capture-redirect.md} shows, read from that page.
 */
@EndToEnd(tools = {"nginx", "curl", "nft", "systemd-socket-activate"})
class RedirectIT {

    private static final String PAGE = "capture-redirect.md";
    private static final int PORT = 15002;

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
    void nftRedirectRuleSendsBothFamiliesToOneListenerThatReadsTheOriginalDestinations() {
        DocSnippets.runInside(net.gateway(), PAGE, "redirect-nft");

        try (UrelayProcess urelay = startUrelay()) {
            ThroughGateway.fetchesBothFamilies(net, nginx, urelay, "gateway");
        }
    }

    @Test
    void anInheritedSocketWithCaptureRedirectReadsTheOriginalDestinationsToo() {
        DocSnippets.runInside(net.gateway(), PAGE, "redirect-nft");
        String config = DocSnippets.get(PAGE, "redirect-config").replace(
                "{ type: redirect, address: \"::\", ports: [15002] }",
                "{ type: fd, systemd: true, capture: redirect }");
        Path dir = TempDirs.create("urelay-fd-redirect");
        cleanup.add((AutoCloseable) () -> TempDirs.delete(dir));
        Path file = UrelayProcess.writeConfig(dir, config);

        // systemd-socket-activate makes the listening socket and execs urelay with it.
        List<String> launch = new ArrayList<>(List.of("systemd-socket-activate", "--listen=" + PORT));
        launch.addAll(Image.urelayCommand("run", "--config", file.toString()));
        try (UrelayProcess urelay = UrelayProcess.start(net.gateway().command(launch), dir)) {
            net.gateway().awaitListening(Duration.ofSeconds(30), PORT);

            ThroughGateway.fetchesBothFamilies(net, nginx, urelay, "gateway");
        }
    }

    private UrelayProcess startUrelay() {
        return UrelayProcess.run(net.gateway(), DocSnippets.get(PAGE, "redirect-config"), List.of(net.gateway()), PORT);
    }
}

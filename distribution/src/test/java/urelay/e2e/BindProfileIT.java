// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.DocSnippets;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Gateway;
import urelay.e2e.harness.JavaPeer;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.peers.PeerAddressServer;

/**
 * The {@code bind} options of the direct sink and of a route, seen from outside: the
 * server's view of the source address, nft counters in the gateway's output chain, and the
 * interface a connection leaves through. urelay runs in the {@link Gateway} and captures the
 * client's connections by TPROXY; a second link joins the gateway ({@code wan1}) to the
 * server. The settings and rules are the ones {@code docs/bind.md} shows, read from it.
 */
@EndToEnd(tools = {"curl", "nft"})
class BindProfileIT {

    private static final String PAGE = "bind.md";
    private static final String PLAIN_SINK = "out: { type: direct, connect-timeout: 5s }";
    private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+)");
    private static final String WAN1_V4 = "203.0.113.1";
    private static final String WAN1_V6 = "2001:db8:3::1";
    private static final int PORT = 8443;

    private final Cleanup cleanup = new Cleanup();
    private Gateway net;

    @BeforeEach
    void buildNetwork() {
        net = cleanup.add(Gateway.create());
        Gateway.link(net.gateway(), "wan1", WAN1_V4, WAN1_V6, net.server(), "203.0.113.7", "2001:db8:3::7");
        DocSnippets.runInside(net.gateway(), "capture-tproxy.md", "tproxy-nft");
        DocSnippets.runInside(net.gateway(), PAGE, "bind-counters");
        cleanup.add(JavaPeer.start(net.server(), PeerAddressServer.class, String.valueOf(PORT), "10")
                .awaitReady(Duration.ofSeconds(30)));
    }

    @AfterEach
    void removeNetwork() {
        cleanup.close();
    }

    @Test
    void withoutBindTheServerSeesTheGatewaysOwnAddress() {
        try (UrelayProcess urelay = startUrelay(PLAIN_SINK)) {
            assertSeenAs(Gateway.WAN_V4, fetch(Gateway.SERVER_V4));
        }
    }

    @Test
    void aBoundAddressIsTheSourceTheServerSees() {
        net.gateway().addAddress("wan0", "198.51.100.2/24");

        try (UrelayProcess urelay = startUrelay(DocSnippets.get(PAGE, "bind-address").strip())) {
            assertSeenAs("198.51.100.2", fetch(Gateway.SERVER_V4));
        }
    }

    @Test
    void aMarkedConnectionIsCountedByTheRuleMatchingTheMark() {
        try (UrelayProcess urelay = startUrelay(DocSnippets.get(PAGE, "bind-mark").strip())) {
            assertEquals(0, counters().get(0));

            assertSeenAs(Gateway.WAN_V4, fetch(Gateway.SERVER_V4));
            assertTrue(counters().get(0) >= 3, "marked packets: " + counters());
        }
    }

    @Test
    void aRoutesBindAppliesToTheConnectionsItTakes() {
        String route = "routes: [ { sink: out, bind: { fwmark: 16 } } ]";
        String config = DocSnippets.get("capture-tproxy.md", "tproxy-config")
                .replace("routes: [ { sink: out } ]", route);

        try (UrelayProcess urelay = UrelayProcess.run(net.gateway(), config, List.of(net.gateway()), 15001)) {
            fetch(Gateway.SERVER_V4);
            assertTrue(counters().get(0) >= 3, "marked packets: " + counters());
        }
    }

    @Test
    void aBoundInterfaceIsTheWayOutForBothFamilies() {
        DocSnippets.runInside(net.gateway(), PAGE, "bind-interface-route");

        try (UrelayProcess urelay = startUrelay(DocSnippets.get(PAGE, "bind-interface").strip())) {
            assertSeenAs(WAN1_V4, fetch(Gateway.SERVER_V4));
            assertSeenAs(WAN1_V6, fetch("[" + Gateway.SERVER_V6 + "]"));
            assertTrue(counters().get(1) >= 6, "packets out of wan1: " + counters());
        }
    }

    @Test
    void withoutTheBoundInterfaceTheExtraRouteIsNotUsed() {
        DocSnippets.runInside(net.gateway(), PAGE, "bind-interface-route");

        try (UrelayProcess urelay = startUrelay(PLAIN_SINK)) {
            assertSeenAs(Gateway.WAN_V4, fetch(Gateway.SERVER_V4));
            assertEquals(0, counters().get(1), "packets out of wan1");
        }
    }

    @Test
    void transparentClientShowsTheServerTheClientsOwnAddressAndPort() {
        try (UrelayProcess urelay = startUrelay(DocSnippets.get(PAGE, "bind-transparent").strip())) {
            for (String server : List.of(Gateway.SERVER_V4, "[" + Gateway.SERVER_V6 + "]")) {
                Curl.Result curl = fetchAs(server);
                String[] seen = curl.body().strip().split(" ");
                assertEquals(InetAddress.ofLiteral(curl.localIp()), InetAddress.ofLiteral(seen[0]),
                        "the server saw " + curl.body());
                assertEquals(String.valueOf(curl.localPort()), seen[1], "the server saw another port");
            }
        }
    }

    private UrelayProcess startUrelay(String sink) {
        String config = DocSnippets.get("capture-tproxy.md", "tproxy-config").replace(PLAIN_SINK, sink);
        if (!config.contains(sink)) {
            throw new IllegalStateException("the tproxy page's config no longer has the sink line " + PLAIN_SINK);
        }
        return UrelayProcess.run(net.gateway(), config, List.of(net.gateway()), 15001);
    }

    /** Fetches from the server through urelay; the body is the address the server saw. */
    private String fetch(String server) {
        return fetchAs(server).body().strip().split(" ")[0];
    }

    /** Fetches from the server through urelay; the body is the address and port the server saw. */
    private Curl.Result fetchAs(String server) {
        Curl.Result curl = Curl.get(net.client(), "http://" + server + ":" + PORT + "/");
        assertEquals(0, curl.exit(), "curl " + server + " failed: " + curl.stderr());
        return curl;
    }

    private static void assertSeenAs(String expected, String seen) {
        assertEquals(InetAddress.ofLiteral(expected), InetAddress.ofLiteral(seen), "the server saw " + seen);
    }

    /** The packet counts of the bind page's counters: marked, then out of wan1. */
    private List<Long> counters() {
        String table = net.gateway().exec("nft", "list", "table", "inet", "urelay_out").orThrow().out();
        Matcher counter = COUNTER.matcher(table);
        List<Long> counts = new ArrayList<>();
        while (counter.find()) {
            counts.add(Long.parseLong(counter.group(1)));
        }
        assertEquals(2, counts.size(), table);
        return counts;
    }
}

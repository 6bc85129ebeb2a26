// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The network most end-to-end tests use, built from namespaces the test owns:
 *
 * <pre>
 *   private (local routes)   host (urelay runs here)       server (nginx, peers)
 *   client ─▶ listener       urelay ──── veth ────────────▶ 198.51.100.7, 2001:db8:100::7
 *                            198.51.100.1, 2001:db8:100::1
 * </pre>
 *
 * <p>urelay runs in {@link #host()} and opens its listeners in the private namespaces
 * through {@code netns: /run/netns/NAME}. The private side has no link to anything; only
 * urelay carries its connections out. {@link #close()} deletes every namespace.
 */
public final class Topology implements AutoCloseable {

    public static final String HOST_V4 = "198.51.100.1";
    public static final String HOST_V6 = "2001:db8:100::1";
    public static final String SERVER_V4 = "198.51.100.7";
    public static final String SERVER_V6 = "2001:db8:100::7";

    private final Cleanup cleanup = new Cleanup();
    private final List<Netns> privates = new ArrayList<>();
    private final Netns host;
    private final Netns server;

    private Topology() {
        try {
            host = cleanup.add(Netns.create("host"));
            server = cleanup.add(Netns.create("server"));
            Netns.Veth link = Netns.connect(host, server);
            host.addAddress(link.aSide(), HOST_V4 + "/24");
            host.addAddress(link.aSide(), HOST_V6 + "/64");
            server.addAddress(link.bSide(), SERVER_V4 + "/24");
            server.addAddress(link.bSide(), SERVER_V6 + "/64");
        } catch (RuntimeException e) {
            cleanup.close();
            throw e;
        }
    }

    /** Builds host and server, joined by a veth pair with the addresses above. */
    public static Topology create() {
        return new Topology();
    }

    /** Adds a private namespace with every address local, for urelay's listeners. */
    public Netns addPrivate(String role) {
        Netns netns = cleanup.add(Netns.create(role));
        netns.addLocalRoutes();
        privates.add(netns);
        return netns;
    }

    /** The namespace urelay runs in; its outbound connections start here. */
    public Netns host() {
        return host;
    }

    /** The namespace of the servers urelay connects to. */
    public Netns server() {
        return server;
    }

    /** Deletes every namespace, private ones first. */
    @Override
    public void close() {
        cleanup.close();
    }
}

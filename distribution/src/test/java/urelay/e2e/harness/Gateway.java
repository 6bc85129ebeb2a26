// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

/**
 * A client routed through a gateway to a server, each its own namespace, as the capture
 * pages in {@code docs/} draw it:
 *
 * <pre>
 *   client  eth0 ──── lan0  gateway  wan0 ──── eth0  server
 *   192.0.2.10        192.0.2.1      198.51.100.1    198.51.100.7
 *   2001:db8:2::10    2001:db8:2::1  2001:db8::1     2001:db8::7
 * </pre>
 *
 * <p>Client and server route everything through the gateway; the gateway forwards nothing
 * (forwarding stays off), so a connection gets across only if something in the gateway
 * captures it. Interface names are fixed, which is safe because each lives in a namespace
 * of its own. {@link #close()} deletes every namespace.
 */
public final class Gateway implements AutoCloseable {

    public static final String CLIENT_V4 = "192.0.2.10";
    public static final String CLIENT_V6 = "2001:db8:2::10";
    public static final String GATEWAY_V4 = "192.0.2.1";
    public static final String GATEWAY_V6 = "2001:db8:2::1";
    public static final String WAN_V4 = "198.51.100.1";
    public static final String WAN_V6 = "2001:db8::1";
    public static final String SERVER_V4 = "198.51.100.7";
    public static final String SERVER_V6 = "2001:db8::7";

    private final Cleanup cleanup = new Cleanup();
    private final Netns client;
    private final Netns gateway;
    private final Netns server;

    private Gateway() {
        String lab = Netns.freshName("lab");
        try {
            client = cleanup.add(Netns.adopt(lab + "-client"));
            gateway = cleanup.add(Netns.adopt(lab + "-gateway"));
            server = cleanup.add(Netns.adopt(lab + "-server"));
            DocSnippets.runNaming("capture-tproxy.md", "gateway-lab", "lab", lab);
        } catch (RuntimeException e) {
            cleanup.close();
            throw e;
        }
    }

    /**
     * Builds the three namespaces and their links, with the block {@code docs/capture-tproxy.md}
     * gives for that (step 0), its names made fresh.
     */
    public static Gateway create() {
        return new Gateway();
    }

    public Netns client() {
        return client;
    }

    public Netns gateway() {
        return gateway;
    }

    public Netns server() {
        return server;
    }

    /**
     * Joins {@code far} to {@code near} by a veth pair: {@code nearDevice} in {@code near},
     * {@code eth0} (or {@code eth1} for a second link) in {@code far}, the given /24 and /64
     * addresses on each, and {@code far} routing everything through {@code near} when it
     * has no default route yet.
     */
    public static void link(Netns near, String nearDevice, String nearV4, String nearV6, Netns far, String farV4,
            String farV6) {
        String farDevice = far.exec("ip", "link", "show", "eth0").exit() == 0 ? "eth1" : "eth0";
        near.ip("link", "add", nearDevice, "type", "veth", "peer", "name", farDevice, "netns", far.name());
        near.ip("link", "set", nearDevice, "up");
        far.ip("link", "set", farDevice, "up");
        near.addAddress(nearDevice, nearV4 + "/24");
        near.addAddress(nearDevice, nearV6 + "/64");
        far.addAddress(farDevice, farV4 + "/24");
        far.addAddress(farDevice, farV6 + "/64");
        if (farDevice.equals("eth0")) {
            far.ip("route", "add", "default", "via", nearV4);
            far.ip("-6", "route", "add", "default", "via", nearV6);
        }
    }

    @Override
    public void close() {
        cleanup.close();
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

/**
 * The TPROXY setup {@code urelay netns prepare --tproxy PORT} writes, and which
 * {@code docs/capture-tproxy.md} quotes: an nftables table that hands TCP arriving on any
 * interface but {@code lo} to one port, marking it, and the policy routing that delivers
 * marked packets locally whatever their destination.
 */
public final class TproxyRules {

    /** The nftables table, {@code inet} so that one rule serves IPv4 and IPv6. */
    public static final String TABLE = "inet urelay";
    /** The mark the rule sets and the policy rule looks for. */
    public static final String MARK = "0x1";
    /** The routing table holding the local default routes for marked packets. */
    public static final String ROUTE_TABLE = "100";

    private TproxyRules() {
    }

    /** The table's text for {@code nft -f}, with the rule sending TCP to {@code port}. */
    public static String table(int port) {
        return """
                table inet urelay {
                	chain prerouting {
                		type filter hook prerouting priority mangle; policy accept;
                		iifname != "lo" meta l4proto tcp tproxy to :%d meta mark set 0x1 accept
                	}
                }
                """.formatted(port);
    }

    /**
     * What {@code nft -f -} reads to put the table in place: creating it first makes the
     * delete succeed whether or not it existed, so a second run replaces the first at once.
     */
    static String replacement(int port) {
        return "table " + TABLE + "\ndelete table " + TABLE + "\n" + table(port);
    }
}

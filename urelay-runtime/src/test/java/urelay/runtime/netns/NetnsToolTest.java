// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code urelay netns prepare}: the exact commands run, what is reused, and what is refused. */
class NetnsToolTest {

    private static final String DEFAULT_RULES = """
            0:	from all lookup local
            32766:	from all lookup main
            32767:	from all lookup default
            """;

    private final ScriptedRunner runner = new ScriptedRunner()
            .answer("ip -n lab -4 rule show", DEFAULT_RULES);
    private final List<String> out = new ArrayList<>();

    private NetnsTool tool() {
        return new NetnsTool(runner, command -> { });
    }

    @Test
    void prepareCreatesAMissingNamespaceAndAddsBothLocalRoutesInTableMain() throws NetnsException {
        runner.answer("ip netns list", "other (id: 1)\n");

        tool().prepare("lab", null, out::add);

        assertEquals(List.of(
                "ip netns list",
                "ip netns add lab",
                "ip -n lab link set lo up",
                "ip -n lab -4 rule show",
                "ip -n lab -4 route show table all type local",
                "ip -n lab -4 route add local 0.0.0.0/0 dev lo table main",
                "ip -n lab -6 route show table all type local",
                "ip -n lab -6 route add local ::/0 dev lo table main"), runner.ran());
        assertEquals(List.of(
                "namespace lab: created",
                "lo: up",
                "ip -4 route local 0.0.0.0/0 dev lo table main: added",
                "ip -6 route local ::/0 dev lo table main: added"), out);
    }

    @Test
    void prepareReusesTheNamespaceAndSkipsRoutesAlreadyThere() throws NetnsException {
        runner.answer("ip netns list", "lab\nother (id: 1)\n")
                .answer("ip -n lab -4 route show table all type local", """
                        local default dev lo scope host\s
                        local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1\s
                        """)
                .answer("ip -n lab -6 route show table all type local", """
                        local default dev lo metric 1024 pref medium
                        local ::1 dev lo table local proto kernel metric 0 pref medium
                        """);

        tool().prepare("lab", null, out::add);

        assertFalse(runner.ran().stream().anyMatch(line -> line.contains(" add ")), runner.ran().toString());
        assertEquals(List.of(
                "namespace lab: present",
                "lo: up",
                "ip -4 route local 0.0.0.0/0 dev lo table main: present",
                "ip -6 route local ::/0 dev lo table main: present"), out);
    }

    @Test
    void prepareWithTproxyWritesTheNftTableAndThePolicyRoutingForBothFamilies() throws NetnsException {
        runner.answer("ip netns list", "lab\n");

        tool().prepare("lab", "15001", out::add);

        assertEquals(List.of(
                "ip netns list",
                "ip -n lab link set lo up",
                "ip -n lab -4 route show table all type local",
                "ip -n lab -6 route show table all type local",
                "ip netns exec lab nft -f -",
                "ip -n lab -4 rule show fwmark 0x1 lookup 100",
                "ip -n lab -4 rule add fwmark 0x1 lookup 100",
                "ip -n lab -4 route show table all type local",
                "ip -n lab -4 route add local 0.0.0.0/0 dev lo table 100",
                "ip -n lab -6 rule show fwmark 0x1 lookup 100",
                "ip -n lab -6 rule add fwmark 0x1 lookup 100",
                "ip -n lab -6 route show table all type local",
                "ip -n lab -6 route add local ::/0 dev lo table 100"), runner.ran());
        String nft = runner.stdins().get(4);
        assertTrue(nft.startsWith("table inet urelay\ndelete table inet urelay\ntable inet urelay {\n"), nft);
        assertTrue(nft.contains("iifname != \"lo\" meta l4proto tcp tproxy to :15001 meta mark set 0x1 accept"), nft);
        assertEquals(List.of(
                "namespace lab: present",
                "lo: up",
                "nft table inet urelay: written (TCP arriving on any interface but lo goes to port 15001, mark 0x1)",
                "ip -4 rule fwmark 0x1 lookup 100: added",
                "ip -4 route local 0.0.0.0/0 dev lo table 100: added",
                "ip -6 rule fwmark 0x1 lookup 100: added",
                "ip -6 route local ::/0 dev lo table 100: added"), out);
    }

    @Test
    void prepareWithTproxyKeepsRulesAndRoutesAlreadyThere() throws NetnsException {
        runner.answer("ip netns list", "lab\n")
                .answer("ip -n lab -4 rule show fwmark 0x1 lookup 100", "32765:\tfrom all fwmark 0x1 lookup 100\n")
                .answer("ip -n lab -6 rule show fwmark 0x1 lookup 100", "32765:\tfrom all fwmark 0x1 lookup 100\n")
                .answer("ip -n lab -4 route show table all type local", "local default dev lo table 100 scope host\n")
                .answer("ip -n lab -6 route show table all type local",
                        "local default dev lo table 100 metric 1024 pref medium\n");

        tool().prepare("lab", "15001", out::add);

        assertFalse(runner.ran().stream().anyMatch(line -> line.contains(" add ")), runner.ran().toString());
        assertEquals(List.of(
                "namespace lab: present",
                "lo: up",
                "nft table inet urelay: written (TCP arriving on any interface but lo goes to port 15001, mark 0x1)",
                "ip -4 rule fwmark 0x1 lookup 100: present",
                "ip -4 route local 0.0.0.0/0 dev lo table 100: present",
                "ip -6 rule fwmark 0x1 lookup 100: present",
                "ip -6 route local ::/0 dev lo table 100: present"), out);
    }

    @Test
    void prepareWithTproxyRefusesANamespaceWithLocalRoutesInMain() {
        runner.answer("ip netns list", "lab\n")
                .answer("ip -n lab -6 route show table all type local",
                        "local default dev lo metric 1024 pref medium\n");

        NetnsException e = assertThrows(NetnsException.class, () -> tool().prepare("lab", "15001", out::add));

        assertFalse(e.badArguments());
        assertTrue(e.getMessage().startsWith("namespace lab has local routes in table main"), e.getMessage());
        assertFalse(runner.ran().stream().anyMatch(line -> line.contains("nft")), runner.ran().toString());
    }

    @Test
    void prepareWithoutTproxyRefusesANamespaceWithPolicyRules() {
        runner.answer("ip netns list", "lab\n")
                .answer("ip -n lab -4 rule show", DEFAULT_RULES + "32765:\tfrom all fwmark 0x1 lookup 100\n");

        NetnsException e = assertThrows(NetnsException.class, () -> tool().prepare("lab", null, out::add));

        assertTrue(e.getMessage().startsWith("namespace lab has IPv4 policy rules (32765: from all fwmark 0x1 "
                + "lookup 100)"), e.getMessage());
        assertFalse(runner.ran().stream().anyMatch(line -> line.contains("route add")), runner.ran().toString());
    }

    @Test
    void aFailedCommandBecomesOneLineNamingItAndItsError() {
        runner.answer("ip netns list", "")
                .fail("ip netns add lab", 1, "mount --make-shared /run/netns failed: Operation not permitted\n");

        NetnsException e = assertThrows(NetnsException.class, () -> tool().prepare("lab", null, out::add));

        assertFalse(e.badArguments());
        assertEquals("ip netns add lab failed (exit 1): mount --make-shared /run/netns failed: Operation not "
                + "permitted", e.getMessage());
    }

    @Test
    void aBadNameOrPortIsABadArgumentAndRunsNothing() {
        for (String name : List.of("", "a/b", "-n", "..", "x".repeat(65))) {
            NetnsException e = assertThrows(NetnsException.class, () -> tool().prepare(name, null, out::add), name);
            assertTrue(e.badArguments(), name);
            assertTrue(e.getMessage().endsWith("is not a namespace name; allowed 1-64 letters, digits, '.', '_' "
                    + "and '-', starting with a letter or a digit"), e.getMessage());
        }
        for (String port : List.of("0", "65536", "http", "")) {
            NetnsException e = assertThrows(NetnsException.class, () -> tool().prepare("lab", port, out::add), port);
            assertTrue(e.badArguments(), port);
            assertEquals("--tproxy: \"" + port + "\" is not a port; allowed 1-65535", e.getMessage());
        }
        assertEquals(List.of(), runner.ran());
    }

    @Test
    void missingPrivilegesOrToolsStopBeforeAnythingRuns() {
        NetnsTool unprivileged = new NetnsTool(runner, command -> {
            throw NetnsException.failed(command + " needs root");
        });
        assertEquals("urelay netns prepare needs root",
                assertThrows(NetnsException.class, () -> unprivileged.prepare("lab", null, out::add)).getMessage());

        runner.without("nft");
        NetnsException noNft = assertThrows(NetnsException.class, () -> tool().prepare("lab", "15001", out::add));
        assertEquals("the nft command was not found on PATH or in /usr/sbin or /sbin; install it (Debian package "
                + "nftables)", noNft.getMessage());

        runner.without("ip");
        assertFalse(assertThrows(NetnsException.class, () -> tool().show("lab", out::add)).badArguments());
        assertEquals(List.of(), runner.ran());
    }
}

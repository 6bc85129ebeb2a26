// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code urelay netns show}: one section per part of the setup, in a fixed order. */
class ReportTest {

    private final ScriptedRunner runner = new ScriptedRunner().answer("ip netns list", "lab (id: 3)\n");
    private final List<String> out = new ArrayList<>();

    @Test
    void printsLoLocalRoutesRulesAndTheRulesetIndentedBySection() throws NetnsException {
        runner.answer("ip -n lab -br link show lo", "lo    UNKNOWN   00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n")
                .answer("ip -n lab -4 route show table all type local", """
                        local default dev lo table 100 scope host\s
                        local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1\s
                        """)
                .answer("ip -n lab -4 rule show", "0:\tfrom all lookup local\n32765:\tfrom all fwmark 0x1 lookup 100\n")
                .answer("ip netns exec lab nft list ruleset", """
                        table inet urelay {
                        	chain prerouting {
                        		type filter hook prerouting priority mangle; policy accept;
                        	}
                        }
                        """);

        new NetnsTool(runner, command -> { }).show("lab", out::add);

        assertEquals(List.of(
                "namespace: lab",
                "lo: up",
                "IPv4 local routes:",
                "  local default dev lo table 100 scope host",
                "IPv6 local routes:",
                "  (none)",
                "IPv4 rules:",
                "  0: from all lookup local",
                "  32765: from all fwmark 0x1 lookup 100",
                "IPv6 rules:",
                "  (none)",
                "nft ruleset:",
                "  table inet urelay {",
                "    chain prerouting {",
                "      type filter hook prerouting priority mangle; policy accept;",
                "    }",
                "  }"), out);
    }

    @Test
    void saysSoWhenLoIsDownOrNftIsMissing() throws NetnsException {
        runner.answer("ip -n lab -br link show lo", "lo DOWN 00:00:00:00:00:00 <LOOPBACK>\n").without("nft");

        new NetnsTool(runner, command -> { }).show("lab", out::add);

        assertEquals("lo: down", out.get(1));
        assertEquals(List.of("nft ruleset:", "  (nft is not installed)"), out.subList(out.size() - 2, out.size()));
    }

    @Test
    void aMissingNamespaceIsAFailureNotABadArgument() {
        NetnsException e = assertThrows(NetnsException.class,
                () -> new NetnsTool(runner, command -> { }).show("nowhere", out::add));

        assertEquals("no namespace named nowhere (ip netns list does not show it)", e.getMessage());
        assertEquals(List.of("ip netns list"), runner.ran());
    }

    @Test
    void aNameWhoseFileIsNoNamespaceIsRefusedBeforeIpOpensIt() {
        NetnsTool tool = new NetnsTool(runner, command -> { },
                path -> Optional.of("is a FIFO, not a namespace").filter(why -> path.equals(Path.of("/run/netns/lab"))));

        NetnsException e = assertThrows(NetnsException.class, () -> tool.show("lab", out::add));

        assertEquals("/run/netns/lab is a FIFO, not a namespace; remove it, then make the namespace with"
                + " urelay netns prepare lab or ip netns add lab", e.getMessage());
        assertEquals(List.of("ip netns list"), runner.ran());
    }
}

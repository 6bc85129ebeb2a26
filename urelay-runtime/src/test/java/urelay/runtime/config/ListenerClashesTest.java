// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check reports two listeners that would take the same port in one namespace, naming both. */
class ListenerClashesTest {

    @TempDir
    Path directory;

    private final ConfigFiles files = new ConfigFiles(() -> directory);

    private static String config(String first, String second) {
        return """
                listeners:
                  - name: a
                    source: %s
                    routes: [ { sink: out } ]
                  - name: b
                    source: %s
                    routes: [ { sink: out } ]
                sinks:
                  out: { type: direct }
                """.formatted(first, second);
    }

    @Test
    void sameAddressAndPortInOneNamespaceIsReportedAtTheSecondListener() {
        assertEquals(List.of("demo.yaml:6:13: listeners[1].source: listener \"b\" would listen on [::]:80 in"
                + " namespace /run/netns/lab, which listener \"a\" already takes with [::]:80; give each listener"
                + " its own ports or addresses there"),
                files.problems(config("{ type: transparent, netns: /run/netns/lab, ports: [80, 443] }",
                        "{ type: transparent, netns: /run/netns/lab, ports: [8080, 80] }")));
    }

    @Test
    void wildcardAddressTakesTheSpecificOneInUrelaysOwnNamespace() {
        assertEquals(List.of("demo.yaml:6:13: listeners[1].source: listener \"b\" would listen on 127.0.0.1:80 in"
                + " urelay's own namespace, which listener \"a\" already takes with [::]:80; give each listener"
                + " its own ports or addresses there"),
                files.problems(config("{ type: transparent, ports: [80] }",
                        "{ type: transparent, address: 127.0.0.1, ports: [80] }")));
    }

    @Test
    void onePortListedTwiceInOneListenerIsReported() {
        String config = config("{ type: transparent, address: 192.0.2.1, ports: [80, 80] }",
                "{ type: transparent, ports: [81] }");

        assertEquals(List.of("demo.yaml:3:13: listeners[0].source: listener \"a\" would listen on 192.0.2.1:80"
                + " in urelay's own namespace, which this listener already takes with 192.0.2.1:80; give each"
                + " listener its own ports or addresses there"), files.problems(config));
    }

    @Test
    void samePortInOtherNamespacesOrOnOtherAddressesIsFine() {
        files.valid(config("{ type: transparent, netns: /run/netns/lab, ports: [80] }",
                "{ type: transparent, netns: /run/netns/other, ports: [80] }"));
        files.valid(config("{ type: transparent, address: 192.0.2.1, ports: [80] }",
                "{ type: transparent, address: \"::1\", ports: [80] }"));
        files.valid(config("{ type: transparent, address: 0.0.0.0, ports: [80] }",
                "{ type: transparent, address: \"2001:db8::1\", ports: [80] }"));
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/** The test source's settings; ports are checked the way a real source would check them. */
public record TransparentConfig(Path netns, InetAddress address, List<Integer> ports) {

    public TransparentConfig {
        address = address == null ? InetAddress.ofLiteral("::") : address;
        if (ports == null || ports.isEmpty()) {
            throw new IllegalArgumentException("ports: list at least one port; allowed 1-65535");
        }
        for (int i = 0; i < ports.size(); i++) {
            Integer port = ports.get(i);
            if (port == null || port < 1 || port > 65535) {
                throw new IllegalArgumentException("ports[" + i + "]: " + port + " is not a port; allowed 1-65535");
            }
        }
        ports = List.copyOf(ports);
    }
}

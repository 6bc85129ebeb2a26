// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A TCP listening socket a source asks the runtime to open.
 *
 * @param netns   the network namespace to open it in (a file such as {@code /run/netns/NAME}
 *                or {@code /proc/PID/ns/net}); empty for urelay's own
 * @param address the local address; {@code ::} listens on IPv4 and IPv6 alike
 * @param port    1 to 65535
 */
public record ListenRequest(Optional<Path> netns, InetAddress address, int port) {

    public ListenRequest {
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }
}

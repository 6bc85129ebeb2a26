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
 * @param capture how connections reach the socket
 */
public record ListenRequest(Optional<Path> netns, InetAddress address, int port, Capture capture) {

    public ListenRequest {
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(capture, "capture");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /** A plain listener for a namespace whose routes make every address local. */
    public ListenRequest(Optional<Path> netns, InetAddress address, int port) {
        this(netns, address, port, Capture.LOCAL);
    }
}

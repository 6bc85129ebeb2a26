// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.transparent;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import urelay.spi.Acceptor;
import urelay.spi.Capture;
import urelay.spi.ListenRequest;
import urelay.spi.Network;
import urelay.spi.Source;

/**
 * Opens one listening socket per configured port, in the configured namespace, set up for the
 * way connections are captured: local routes, a TPROXY rule or a REDIRECT rule. With
 * {@code ip route add local 0.0.0.0/0 dev lo} (and {@code ::/0}) in that namespace, each socket
 * accepts connections to every address on its port, and the accepted socket's local address
 * is where the client wanted to go.
 */
final class TransparentSource implements Source {

    private final TransparentConfig config;
    private final Network network;
    private final Capture capture;

    TransparentSource(TransparentConfig config, Network network, Capture capture) {
        this.config = config;
        this.network = network;
        this.capture = capture;
    }

    @Override
    public List<Acceptor> open() throws IOException {
        List<Acceptor> opened = new ArrayList<>();
        try {
            for (ListenRequest request : listenRequests()) {
                opened.add(network.listen(request));
            }
        } catch (IOException | RuntimeException e) {
            opened.forEach(Acceptor::close);
            throw e;
        }
        return opened;
    }

    @Override
    public List<ListenRequest> listenRequests() {
        InetAddress address = config.listenAddress();
        Optional<Path> netns = Optional.ofNullable(config.netns());
        return config.portNumbers().stream()
                .map(port -> new ListenRequest(netns, address, port, capture))
                .toList();
    }
}

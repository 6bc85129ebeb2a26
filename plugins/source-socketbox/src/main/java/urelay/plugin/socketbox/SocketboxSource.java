// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import urelay.spi.Acceptor;
import urelay.spi.Network;
import urelay.spi.Source;

/** Opens the one Unix socket senders pass connections over. Nothing is opened before {@link #open()}. */
final class SocketboxSource implements Source {

    private final SocketboxConfig config;
    private final Network network;

    SocketboxSource(SocketboxConfig config, Network network) {
        this.config = config;
        this.network = network;
    }

    @Override
    public List<Acceptor> open() throws IOException {
        return List.of(SocketboxAcceptor.open(config, network));
    }

    @Override
    public List<Path> socketFiles() {
        return List.of(config.path());
    }
}

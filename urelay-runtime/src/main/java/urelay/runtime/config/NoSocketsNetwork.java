// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import urelay.spi.Acceptor;
import urelay.spi.ByteStream;
import urelay.spi.ConnectFailedException;
import urelay.spi.ListenRequest;
import urelay.spi.Network;
import urelay.spi.Outcome;
import urelay.spi.UnixDestination;

/**
 * The network lent to plugins while a config is only being checked. Plugins must not touch
 * the network when they are created, so every call here fails with a message saying so.
 */
public final class NoSocketsNetwork implements Network {

    private static final String WHY = "urelay opens no sockets while it checks a config";

    @Override
    public Acceptor listen(ListenRequest request) throws IOException {
        throw new IOException(WHY);
    }

    @Override
    public Acceptor adopt(int fd, String description) throws IOException {
        throw new IOException(WHY);
    }

    @Override
    public ByteStream connect(InetSocketAddress remote, Duration timeout) throws ConnectFailedException {
        throw new ConnectFailedException(Outcome.ERROR, "-", WHY);
    }

    @Override
    public ByteStream connect(UnixDestination destination, Duration timeout) throws ConnectFailedException {
        throw new ConnectFailedException(Outcome.ERROR, "-", WHY);
    }
}

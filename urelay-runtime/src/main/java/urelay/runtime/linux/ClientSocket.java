// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.net.InetSocketAddress;
import urelay.spi.ClientConnection;

/** An accepted client socket, with the addresses the kernel reported for it. */
public final class ClientSocket extends LinuxSocket implements ClientConnection {

    private final InetSocketAddress remote;
    private final InetSocketAddress local;

    ClientSocket(int fd, Poller poller, InetSocketAddress remote, InetSocketAddress local)
            throws NativeException {
        super(fd, poller);
        this.remote = remote;
        this.local = local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import urelay.spi.Capture;
import urelay.spi.ClientConnection;

/** An accepted client socket, with the addresses the kernel reported for it. */
public final class ClientSocket extends LinuxSocket implements ClientConnection {

    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final InetSocketAddress original;

    ClientSocket(int fd, Poller poller, InetSocketAddress remote, InetSocketAddress local,
            InetSocketAddress original) throws NativeException {
        super(fd, poller);
        this.remote = remote;
        this.local = local;
        this.original = original;
    }

    /**
     * Wraps an accepted socket: reads its addresses, sets {@code TCP_NODELAY}, and reads the
     * original destination as {@code capture} says. Closes {@code fd} if any of that fails.
     */
    static ClientSocket accepted(int fd, Poller poller, Capture capture) throws NativeException {
        try {
            InetSocketAddress remote = Sockets.remoteAddress(fd);
            InetSocketAddress local = Sockets.localAddress(fd);
            InetSocketAddress original = switch (capture) {
                case LOCAL, TPROXY -> local;
                case REDIRECT -> Sockets.originalDestination(fd, remote.getAddress() instanceof Inet4Address);
            };
            // Relayed bytes are passed on as they come; Nagle's delay would only add latency.
            Sockets.setInt(fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, 1, "TCP_NODELAY");
            return new ClientSocket(fd, poller, remote, local, original);
        } catch (NativeException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    @Override
    public InetSocketAddress originalDestination() {
        return original;
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

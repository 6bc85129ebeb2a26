// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import urelay.spi.BindOptions;

/**
 * Applies a {@link BindOptions} to an outbound socket before it connects. Each option that
 * needs a capability names it when it is refused.
 */
final class OutboundBind {

    private OutboundBind() {
    }

    static void apply(int fd, BindOptions bind, InetSocketAddress remote) throws NativeException {
        if (bind.isNone()) {
            return;
        }
        boolean ipv6 = !(remote.getAddress() instanceof Inet4Address);
        if (bind.mark().isPresent()) {
            Sockets.setIntPrivileged(fd, Libc.SOL_SOCKET, Libc.SO_MARK, bind.mark().getAsInt(), "SO_MARK",
                    "CAP_NET_ADMIN");
        }
        if (bind.device().isPresent()) {
            Sockets.bindToDevice(fd, bind.device().get());
        }
        if (bind.freebind()) {
            if (ipv6) {
                Sockets.setInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_FREEBIND, 1, "IPV6_FREEBIND");
            } else {
                Sockets.setInt(fd, Libc.SOL_IP, Libc.IP_FREEBIND, 1, "IP_FREEBIND");
            }
        }
        if (bind.transparent()) {
            Sockets.setTransparent(fd, ipv6);
        }
        if (bind.source().isPresent()) {
            bindSource(fd, bind.source().get(), ipv6);
        }
    }

    private static void bindSource(int fd, InetSocketAddress source, boolean ipv6) throws NativeException {
        InetSocketAddress plain = new InetSocketAddress(SockAddr.plain(source.getAddress()), source.getPort());
        if ((plain.getAddress() instanceof Inet4Address) == ipv6) {
            throw new NativeException("bind " + Sockets.text(plain) + " for a connection to the other IP family",
                    Errno.EAFNOSUPPORT);
        }
        if (plain.getPort() == 0) {
            // Without this the kernel would pick the port at bind time, out of the much smaller set
            // of ports free for every destination; at connect time it only needs a unique 4-tuple.
            Sockets.setInt(fd, Libc.SOL_IP, Libc.IP_BIND_ADDRESS_NO_PORT, 1, "IP_BIND_ADDRESS_NO_PORT");
        } else {
            Sockets.setInt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, 1, "SO_REUSEADDR");
        }
        Sockets.bind(fd, plain);
    }
}

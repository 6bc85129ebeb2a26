// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.net.InetSocketAddress;
import java.time.Duration;
import urelay.spi.Acceptor;
import urelay.spi.ByteStream;
import urelay.spi.ListenRequest;
import urelay.spi.Network;

/** Placeholder so the CLI compiles; the Linux socket layer branch replaces this file on merge. */
public final class LinuxNetwork implements Network {

    @Override
    public Acceptor listen(ListenRequest request) {
        throw new UnsupportedOperationException("placeholder network: replaced on merge");
    }

    @Override
    public Acceptor adopt(int fd, String description) {
        throw new UnsupportedOperationException("placeholder network: replaced on merge");
    }

    @Override
    public ByteStream connect(InetSocketAddress remote, Duration timeout) {
        throw new UnsupportedOperationException("placeholder network: replaced on merge");
    }
}

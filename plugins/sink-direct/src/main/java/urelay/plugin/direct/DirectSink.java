// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.direct;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import urelay.spi.ClientConnection;
import urelay.spi.ConnectFailedException;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.Network;
import urelay.spi.Outcome;
import urelay.spi.Sink;
import urelay.spi.SinkResult;
import urelay.spi.UnixDestination;

/**
 * Connects to the destination itself, from urelay's namespace. A domain name is looked up
 * with the system resolver and its addresses are tried in the order returned.
 */
final class DirectSink implements Sink {

    private final DirectConfig config;
    private final Network network;

    DirectSink(DirectConfig config, Network network) {
        this.config = config;
        this.network = network;
    }

    @Override
    public SinkResult connect(Destination destination, ClientConnection client) {
        return switch (destination) {
            case IpDestination ip -> connect(ip.socketAddress(), ip.text());
            case DomainDestination domain -> connectByName(domain);
            case UnixDestination unix -> new SinkResult.Failed(Outcome.REJECTED,
                    "the direct sink reaches IP destinations only; route " + unix.text() + " to a unix sink");
        };
    }

    private SinkResult connect(InetSocketAddress address, String description) {
        try {
            return new SinkResult.Connected(network.connect(address, config.connectTimeout()), description);
        } catch (ConnectFailedException e) {
            return e.toResult();
        }
    }

    private SinkResult connectByName(DomainDestination domain) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(domain.name());
        } catch (UnknownHostException e) {
            return new SinkResult.Failed(Outcome.UNREACHABLE, "no address for " + domain.name());
        }
        SinkResult last = null;
        for (InetAddress address : addresses) {
            IpDestination ip = new IpDestination(address, domain.port());
            last = connect(ip.socketAddress(), ip.text());
            if (last instanceof SinkResult.Connected) {
                return last;
            }
        }
        return last;
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.direct;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import urelay.spi.BindOptions;
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
 * Connects to the destination itself, from urelay's namespace, binding each socket as its own
 * {@code bind} and the route's say (the route's options win where both set one). A domain
 * name is looked up with the system resolver and its addresses are tried in the order
 * returned. Called on connections' virtual threads; holds no state of its own.
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
        return connect(destination, client, BindOptions.NONE);
    }

    @Override
    public SinkResult connect(Destination destination, ClientConnection client, BindOptions routeBind) {
        BindOptions own = config.bind() == null ? BindOptions.NONE : config.bind().options(client);
        BindOptions bind = own.overriddenBy(routeBind);
        return switch (destination) {
            case IpDestination ip -> connect(ip.socketAddress(), ip.text(), bind);
            case DomainDestination domain -> connectByName(domain, bind);
            case UnixDestination unix -> new SinkResult.Failed(Outcome.REJECTED,
                    "the direct sink reaches IP destinations only; route " + unix.text() + " to a unix sink");
        };
    }

    @Override
    public boolean acceptsBind() {
        return true;
    }

    private SinkResult connect(InetSocketAddress address, String description, BindOptions bind) {
        try {
            return new SinkResult.Connected(network.connect(address, config.connectTimeout(), bind), description);
        } catch (ConnectFailedException e) {
            return e.toResult();
        }
    }

    private SinkResult connectByName(DomainDestination domain, BindOptions bind) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(domain.name());
        } catch (UnknownHostException e) {
            return new SinkResult.Failed(Outcome.UNREACHABLE, "no address for " + domain.name());
        }
        SinkResult last = null;
        for (InetAddress address : addresses) {
            IpDestination ip = new IpDestination(address, domain.port());
            last = connect(ip.socketAddress(), ip.text(), bind);
            if (last instanceof SinkResult.Connected) {
                return last;
            }
        }
        return last;
    }
}

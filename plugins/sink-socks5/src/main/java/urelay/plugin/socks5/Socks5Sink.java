// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import urelay.spi.ByteStream;
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
 * Reaches destinations through a SOCKS5 proxy: connects to the proxy through the runtime's
 * {@link Network}, runs the handshake, and hands the same stream to the runtime. Runs on each
 * connection's virtual thread; holds no per-connection state, so one instance serves many
 * connections at once. Owns the proxy stream until it returns it in
 * {@link SinkResult.Connected}; on any failure it closes the stream itself.
 */
final class Socks5Sink implements Sink {

    private final Socks5Config config;
    private final ProxyServer server;
    private final Optional<Credentials> credentials;
    private final Network network;

    Socks5Sink(Socks5Config config, Optional<Credentials> credentials, Network network) {
        this.config = config;
        this.server = config.proxyServer();
        this.credentials = credentials;
        this.network = network;
    }

    @Override
    public SinkResult connect(Destination destination, ClientConnection client) {
        return switch (destination) {
            case IpDestination ip -> through(Socks5Messages.connect(ip));
            case DomainDestination domain -> connectByName(domain);
            case UnixDestination unix -> new SinkResult.Failed(Outcome.REJECTED,
                    "the socks5 sink reaches IP and domain destinations only; route " + unix.text()
                            + " to a unix sink");
        };
    }

    private SinkResult connectByName(DomainDestination domain) {
        byte[] name = domain.name().getBytes(StandardCharsets.UTF_8);
        if (name.length > Socks5Messages.MAX_DOMAIN_BYTES) {
            return new SinkResult.Failed(Outcome.REJECTED, "domain name has " + name.length
                    + " bytes; socks5 allows at most " + Socks5Messages.MAX_DOMAIN_BYTES);
        }
        return through(Socks5Messages.connect(name, domain.port()));
    }

    private SinkResult through(byte[] request) {
        ByteStream stream;
        try {
            stream = open();
        } catch (ConnectFailedException e) {
            // Say it was the proxy that could not be reached, not the destination.
            SinkResult.Failed failed = e.toResult();
            return new SinkResult.Failed(failed.outcome(), "proxy " + server.text() + ": " + failed.detail());
        }

        boolean handedOver = false;
        try {
            SinkResult result = handshake(stream, request);
            handedOver = result instanceof SinkResult.Connected;
            return result;
        } finally {
            // Nothing is left to say to a proxy that refused or misbehaved, so no graceful close.
            if (!handedOver) {
                stream.reset();
            }
        }
    }

    private SinkResult handshake(ByteStream stream, byte[] request) {
        try {
            Socks5Handshake handshake = new Socks5Handshake(stream, credentials, config.handshakeTimeout());
            Optional<SinkResult.Failed> failure = handshake.connect(request);
            return failure.isPresent()
                    ? failure.get()
                    : new SinkResult.Connected(stream, "socks5:" + server.text());
        } catch (SocketTimeoutException e) {
            return new SinkResult.Failed(Outcome.TIMEOUT, "socks5 handshake got no answer within "
                    + config.handshakeTimeout().toMillis() + "ms");
        } catch (ProtocolException e) {
            return new SinkResult.Failed(Outcome.ERROR, e.getMessage());
        } catch (IOException e) {
            return new SinkResult.Failed(Outcome.ERROR, "socks5 handshake failed: " + e.getMessage());
        }
    }

    private ByteStream open() throws ConnectFailedException {
        return switch (server) {
            case TcpProxyServer tcp -> openTcp(tcp);
            case UnixProxyServer unix ->
                    network.connect(new UnixDestination(unix.path()), config.connectTimeout());
        };
    }

    /** Tries the proxy host's addresses in the resolver's order; the first to connect wins. */
    private ByteStream openTcp(TcpProxyServer tcp) throws ConnectFailedException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(tcp.host());
        } catch (UnknownHostException e) {
            throw new ConnectFailedException(Outcome.UNREACHABLE, "-",
                    "no address for socks5 server " + tcp.host());
        }

        ConnectFailedException last = null;
        for (InetAddress address : addresses) {
            try {
                InetSocketAddress proxy = new InetSocketAddress(address, tcp.port());
                return network.connect(proxy, config.connectTimeout());
            } catch (ConnectFailedException e) {
                last = e;
            }
        }
        throw last;
    }
}

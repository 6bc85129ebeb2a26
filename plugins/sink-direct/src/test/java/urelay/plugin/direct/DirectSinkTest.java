// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import urelay.spi.Acceptor;
import urelay.spi.BindOptions;
import urelay.spi.BindProfile;
import urelay.spi.ByteStream;
import urelay.spi.ClientConnection;
import urelay.spi.ConnectFailedException;
import urelay.spi.IpDestination;
import urelay.spi.ListenRequest;
import urelay.spi.Network;
import urelay.spi.Outcome;
import urelay.spi.SinkResult;
import urelay.spi.UnixDestination;

/** The direct sink asks the network for a socket bound as its own and the route's bind say. */
class DirectSinkTest {

    private static final IpDestination SERVER = new IpDestination(InetAddress.ofLiteral("198.51.100.7"), 443);
    private static final InetSocketAddress CLIENT_ADDRESS =
            new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 51514);

    /** Records each connect and answers with a stream that does nothing, or with a failure. */
    private static final class RecordingNetwork implements Network {
        final List<BindOptions> binds = new ArrayList<>();
        ConnectFailedException failure;

        @Override
        public ByteStream connect(InetSocketAddress remote, Duration timeout, BindOptions bind)
                throws ConnectFailedException {
            binds.add(bind);
            if (failure != null) {
                throw failure;
            }
            return new Idle();
        }

        @Override
        public ByteStream connect(InetSocketAddress remote, Duration timeout) throws ConnectFailedException {
            return connect(remote, timeout, BindOptions.NONE);
        }

        @Override
        public ByteStream connect(UnixDestination destination, Duration timeout) {
            throw new AssertionError("the direct sink never connects to Unix sockets");
        }

        @Override
        public Acceptor listen(ListenRequest request) {
            throw new AssertionError("a sink never listens");
        }

        @Override
        public Acceptor adopt(int fd, String description) {
            throw new AssertionError("a sink never adopts");
        }
    }

    private static class Idle implements ByteStream {
        @Override
        public int read(ByteBuffer buffer) {
            return -1;
        }

        @Override
        public void write(ByteBuffer buffer) {
            buffer.position(buffer.limit());
        }

        @Override
        public void shutdownOutput() {
        }

        @Override
        public void reset() {
        }

        @Override
        public void close() {
        }
    }

    private static final class Client extends Idle implements ClientConnection {
        @Override
        public InetSocketAddress remoteAddress() {
            return CLIENT_ADDRESS;
        }

        @Override
        public InetSocketAddress localAddress() {
            return SERVER.socketAddress();
        }
    }

    private final RecordingNetwork network = new RecordingNetwork();

    private DirectSink sink(BindProfile bind) {
        return new DirectSink(new DirectConfig(null, bind), network);
    }

    private static BindOptions options(String source, String device, Integer mark, boolean freebind) {
        return new BindOptions(Optional.ofNullable(source).map(text -> new InetSocketAddress(
                InetAddress.ofLiteral(text), 0)), Optional.ofNullable(device),
                mark == null ? OptionalInt.empty() : OptionalInt.of(mark), freebind, false);
    }

    @Test
    void takesARoutesBind() {
        assertTrue(sink(null).acceptsBind());
    }

    @Test
    void withoutAnyBindTheSocketIsNotBound() {
        assertInstanceOf(SinkResult.Connected.class, sink(null).connect(SERVER, new Client()));

        assertEquals(List.of(BindOptions.NONE), network.binds);
    }

    @Test
    void bindsAsItsOwnSettingsSay() {
        sink(new BindProfile("192.0.2.1", "eth1", 16L, true, null)).connect(SERVER, new Client());

        assertEquals(List.of(options("192.0.2.1", "eth1", 16, true)), network.binds);
    }

    @Test
    void routesBindWinsOptionByOptionOverTheSinksOwn() {
        BindOptions route = options("192.0.2.2", null, 32, false);

        sink(new BindProfile("192.0.2.1", "eth1", 16L, null, null)).connect(SERVER, new Client(), route);

        assertEquals(List.of(options("192.0.2.2", "eth1", 32, false)), network.binds);
    }

    @Test
    void transparentBindConnectsFromTheClientsOwnAddress() {
        sink(new BindProfile(null, null, null, null, "client")).connect(SERVER, new Client());

        assertEquals(List.of(new BindOptions(Optional.of(CLIENT_ADDRESS), Optional.empty(), OptionalInt.empty(),
                false, true)), network.binds);
    }

    @Test
    void aFailedConnectIsReportedWithItsOutcome() {
        network.failure = new ConnectFailedException(Outcome.REFUSED, "ECONNREFUSED", "connect refused");

        assertEquals(new SinkResult.Failed(Outcome.REFUSED, "ECONNREFUSED"),
                sink(null).connect(SERVER, new Client(), options(null, "eth1", null, false)));
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static urelay.plugin.socks5.Bytes.concat;
import static urelay.plugin.socks5.Bytes.of;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import urelay.spi.ByteStream;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.Outcome;
import urelay.spi.PluginContext;
import urelay.spi.SinkResult;

/** The sink against a scripted SOCKS5 server on 127.0.0.1: the happy path and the byte layout. */
@Timeout(10)
class Socks5SinkTest {

    static final IpDestination IPV4_DESTINATION = new IpDestination(InetAddress.ofLiteral("198.51.100.7"), 80);
    static final byte[] IPV4_REQUEST = of(5, 1, 0, 1, 198, 51, 100, 7, 0, 80);
    static final byte[] SUCCESS = of(5, 0, 0, 1, 127, 0, 0, 1, 0x9c, 0x40);

    final LoopbackNetwork network = new LoopbackNetwork();

    @AfterEach
    void closeEveryStream() {
        network.opened().forEach(ChannelStream::close);
    }

    @Test
    void connectsThroughTheProxyAndHandsOverTheSameStream() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            assertArrayEquals(of(5, 1, 0), client.read(3));
            client.send(5, 0);
            assertArrayEquals(IPV4_REQUEST, client.read(IPV4_REQUEST.length));
            client.send(SUCCESS);
            assertEquals("ping", new String(client.read(4), StandardCharsets.US_ASCII));
            client.send("pong");
        })) {
            SinkResult result = connect(proxy.server(), IPV4_DESTINATION);

            SinkResult.Connected connected = assertInstanceOf(SinkResult.Connected.class, result);
            assertEquals("socks5:" + proxy.server(), connected.description());
            assertSame(network.opened().getFirst(), connected.upstream());
            connected.upstream().write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("pong", readText(connected.upstream(), 4));
            proxy.awaitScript();
        }
    }

    @Test
    void sendsAnIpv6DestinationAsAddressType4() throws Exception {
        byte[] expected = concat(5, 1, 0, 4, InetAddress.ofLiteral("2001:db8::7").getAddress(), 0x01, 0xbb);
        assertRequestBytes(new IpDestination(InetAddress.ofLiteral("2001:db8::7"), 443), expected);
    }

    @Test
    void sendsADomainDestinationAsAddressType3WithItsLength() throws Exception {
        byte[] expected = concat(5, 1, 0, 3, 11, "example.org", 0x1f, 0x90);
        assertRequestBytes(new DomainDestination("Example.ORG.", 8080), expected);
    }

    @Test
    void putsTogetherRepliesThatArriveOneByteAtATime() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.sendByteByByte(of(5, 0));
            client.read(IPV4_REQUEST.length);
            client.sendByteByByte(concat(SUCCESS, "after"));
        })) {
            SinkResult.Connected connected = assertInstanceOf(SinkResult.Connected.class,
                    connect(proxy.server(), IPV4_DESTINATION));

            assertEquals("after", readText(connected.upstream(), 5));
            proxy.awaitScript();
        }
    }

    @Test
    void readsABoundAddressThatIsADomainNameAndStopsRightAfterIt() throws Exception {
        byte[] reply = concat(5, 0, 0, 3, 22, "proxy-out.example.test", 0x04, 0x38);
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(5, 0);
            client.read(IPV4_REQUEST.length);
            client.send(concat(reply, "HTTP/1.1 200 OK"));
        })) {
            SinkResult.Connected connected = assertInstanceOf(SinkResult.Connected.class,
                    connect(proxy.server(), IPV4_DESTINATION));

            assertEquals("HTTP/1.1 200 OK", readText(connected.upstream(), 15));
            proxy.awaitScript();
        }
    }

    @Test
    void leavesBytesGluedToTheReplyInTheStreamForTheRelay() throws Exception {
        byte[] ipv6Reply = concat(5, 0, 0, 4, InetAddress.ofLiteral("::1").getAddress(), 0x9c, 0x40);
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(5, 0);
            client.read(IPV4_REQUEST.length);
            client.send(concat(ipv6Reply, "SSH-2.0-banner\r\n"));
        })) {
            SinkResult.Connected connected = assertInstanceOf(SinkResult.Connected.class,
                    connect(proxy.server(), IPV4_DESTINATION));

            assertEquals("SSH-2.0-banner\r\n", readText(connected.upstream(), 16));
            proxy.awaitScript();
        }
    }

    @Test
    void reachesAProxyOnIpv6Loopback() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(InetAddress.ofLiteral("::1"), client -> {
            client.read(3);
            client.send(5, 0);
            client.read(IPV4_REQUEST.length);
            client.send(SUCCESS);
        })) {
            SinkResult.Connected connected = assertInstanceOf(SinkResult.Connected.class,
                    connect(proxy.server(), IPV4_DESTINATION));

            assertTrue(proxy.server().startsWith("[::1]:"));
            assertEquals("socks5:" + proxy.server(), connected.description());
            proxy.awaitScript();
        }
    }

    @Test
    void resolvesAProxyHostNameWhenConnecting() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(5, 0);
            client.read(IPV4_REQUEST.length);
            client.send(SUCCESS);
        })) {
            String port = proxy.server().substring(proxy.server().lastIndexOf(':') + 1);

            SinkResult result = connect("localhost:" + port, IPV4_DESTINATION);

            assertEquals("socks5:localhost:" + port,
                    assertInstanceOf(SinkResult.Connected.class, result).description());
            proxy.awaitScript();
        }
    }

    @Test
    void reportsAProxyNobodyListensOnAsRefused() throws IOException {
        int port;
        try (var probe = java.nio.channels.ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }

        SinkResult result = connect("127.0.0.1:" + port, IPV4_DESTINATION);

        assertEquals(Outcome.REFUSED, ((SinkResult.Failed) result).outcome());
        assertTrue(((SinkResult.Failed) result).detail().matches("proxy .*: ECONNREFUSED"), result.toString());
    }

    SinkResult connect(String server, Destination destination) {
        Socks5Config config = new Socks5Config(server, null, null, null, null, Duration.ofSeconds(2));
        return connect(config, destination);
    }

    SinkResult connect(Socks5Config config, Destination destination) {
        return new Socks5SinkProvider().create(config, new PluginContext("test", network))
                .connect(destination, NoClient.INSTANCE);
    }

    private void assertRequestBytes(Destination destination, byte[] expected) throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(5, 0);
            assertArrayEquals(expected, client.read(expected.length));
            client.send(SUCCESS);
        })) {
            assertInstanceOf(SinkResult.Connected.class, connect(proxy.server(), destination));
            proxy.awaitScript();
        }
    }

    static String readText(ByteStream stream, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (stream.read(buffer) < 0) {
                break;
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    }

    /** The client a sink is given; a sink must not touch its bytes, so every I/O call fails. */
    enum NoClient implements ClientConnection {
        INSTANCE;

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 40000);
        }

        @Override
        public InetSocketAddress localAddress() {
            return IPV4_DESTINATION.socketAddress();
        }

        @Override
        public int read(ByteBuffer buffer) {
            throw touched("read from");
        }

        @Override
        public void write(ByteBuffer buffer) {
            throw touched("wrote to");
        }

        @Override
        public void shutdownOutput() {
            throw touched("shut down");
        }

        @Override
        public void reset() {
            throw touched("reset");
        }

        @Override
        public void close() {
            throw touched("closed");
        }

        private static AssertionError touched(String what) {
            return new AssertionError("the sink " + what + " the client");
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import urelay.runtime.linux.LinuxNetwork;
import urelay.spi.Acceptor;
import urelay.spi.ByteStream;
import urelay.spi.ClientConnection;
import urelay.spi.ListenRequest;
import urelay.spi.Outcome;

/**
 * The relay between two runtime sockets on loopback: a JDK client talks through a runtime
 * listener and {@link Relay} to a scripted JDK server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RelayTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LinuxNetwork network;
    private Relay relay;
    private ServerSocket server;
    private Acceptor acceptor;

    @BeforeEach
    void start() throws IOException {
        network = new LinuxNetwork();
        relay = new Relay();
        server = new ServerSocket(0, 50, LOOPBACK);
        acceptor = listenOnFreePort();
    }

    @AfterEach
    void stop() throws IOException {
        acceptor.close();
        server.close();
        relay.close();
        network.close();
    }

    private Acceptor listenOnFreePort() throws IOException {
        Random random = new Random();
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return network.listen(new ListenRequest(Optional.empty(), LOOPBACK, 20000 + random.nextInt(30000)));
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private int port() {
        return Integer.parseInt(acceptor.description().substring(acceptor.description().lastIndexOf(':') + 1));
    }

    /** Accepts one client, connects upstream to the scripted server and relays; completes with the result. */
    private CompletableFuture<RelayResult> relayOne(Duration idle) {
        CompletableFuture<RelayResult> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                ClientConnection client = acceptor.accept();
                ByteStream upstream = network.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()),
                        Duration.ofSeconds(5));
                result.complete(relay.run(client, upstream, idle));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void serveOnce(Consumer<Socket> script) {
        Thread.ofPlatform().daemon().start(() -> {
            try (Socket socket = server.accept()) {
                script.accept(socket);
            } catch (IOException e) {
                // The test's assertions on the client side say what went wrong.
            }
        });
    }

    /** Serves one connection and tells what its first read saw: a byte, the end, or an error. */
    private CompletableFuture<String> serveOnceReportingTheFirstRead() {
        CompletableFuture<String> saw = new CompletableFuture<>();
        serveOnce(socket -> {
            try {
                saw.complete("read " + socket.getInputStream().read());
            } catch (IOException e) {
                saw.complete(e.getMessage());
            }
        });
        return saw;
    }

    @Test
    void passesTheClientsEndOfStreamOnWhileTheAnswerStillFlows() throws Exception {
        byte[] answer = new byte[4_000_000];
        new Random(7).nextBytes(answer);
        serveOnce(socket -> {
            try {
                byte[] request = socket.getInputStream().readAllBytes();
                socket.getOutputStream().write(("got " + request.length + "\n").getBytes());
                socket.getOutputStream().write(answer);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        CompletableFuture<RelayResult> result = relayOne(Duration.ZERO);

        byte[] received;
        try (Socket client = new Socket(LOOPBACK, port())) {
            client.getOutputStream().write(new byte[123_456]);
            client.shutdownOutput();
            received = client.getInputStream().readAllBytes();
        }

        byte[] header = "got 123456\n".getBytes();
        assertEquals(header.length + answer.length, received.length);
        assertArrayEquals(answer, java.util.Arrays.copyOfRange(received, header.length, received.length));
        RelayResult relayed = result.get(30, TimeUnit.SECONDS);
        assertEquals(new RelayResult(123_456, header.length + answer.length, Outcome.OK, "-"), relayed);
    }

    @Test
    void treatsAnIdleTimeoutTooLongToCountInNanosecondsAsNone() throws Exception {
        serveOnce(socket -> {
            try {
                socket.getOutputStream().write(socket.getInputStream().readAllBytes());
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        CompletableFuture<RelayResult> result = relayOne(Duration.ofDays(1_000_000_000L));

        try (Socket client = new Socket(LOOPBACK, port())) {
            client.getOutputStream().write("ping".getBytes());
            client.shutdownOutput();
            assertEquals("ping", new String(client.getInputStream().readAllBytes()));
        }
        assertEquals(new RelayResult(4, 4, Outcome.OK, "-"), result.get(30, TimeUnit.SECONDS));
    }

    /** A plugin's own stream that says nothing until it is reset, and cannot bound its reads. */
    private static final class SilentPluginStream implements ByteStream {
        private final java.util.concurrent.CountDownLatch reset = new java.util.concurrent.CountDownLatch(1);

        @Override
        public int read(java.nio.ByteBuffer buffer) throws IOException {
            try {
                reset.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SocketException("reset");
        }

        @Override
        public void write(java.nio.ByteBuffer buffer) {
            buffer.position(buffer.limit());
        }

        @Override
        public void shutdownOutput() {
        }

        @Override
        public void reset() {
            reset.countDown();
        }

        @Override
        public void close() {
            reset.countDown();
        }
    }

    @Test
    void cutsASilentConnectionToAPluginStreamAtTheIdleTimeout() throws Exception {
        CompletableFuture<RelayResult> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                ClientConnection client = acceptor.accept();
                result.complete(relay.run(client, new SilentPluginStream(), Duration.ofMillis(300)));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });

        try (Socket client = new Socket(LOOPBACK, port())) {
            assertEquals(new RelayResult(0, 0, Outcome.TIMEOUT, "idle timeout"), result.get(30, TimeUnit.SECONDS));
            assertThrows(SocketException.class, () -> client.getInputStream().read());
        }
    }

    @Test
    void resetsTheClientWhenTheServerResets() throws Exception {
        serveOnce(socket -> {
            try {
                socket.getInputStream().read(new byte[5]);
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        CompletableFuture<RelayResult> result = relayOne(Duration.ZERO);

        try (Socket client = new Socket(LOOPBACK, port())) {
            client.getOutputStream().write("hello".getBytes());
            InputStream in = client.getInputStream();
            SocketException reset = assertThrows(SocketException.class, () -> in.read());
            assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
        }
        RelayResult relayed = result.get(30, TimeUnit.SECONDS);
        assertEquals(Outcome.RESET, relayed.outcome());
        assertEquals("upstream reset", relayed.detail());
    }

    @Test
    void resetsTheServerWhenTheClientResets() throws Exception {
        CompletableFuture<String> serverSaw = serveOnceReportingTheFirstRead();
        CompletableFuture<RelayResult> result = relayOne(Duration.ZERO);

        Socket client = new Socket(LOOPBACK, port());
        Thread.sleep(200);
        client.setSoLinger(true, 0);
        client.close();

        assertTrue(serverSaw.get(30, TimeUnit.SECONDS).contains("reset"), serverSaw.get());
        RelayResult relayed = result.get(30, TimeUnit.SECONDS);
        assertEquals(Outcome.RESET, relayed.outcome());
        assertEquals("client reset", relayed.detail());
    }

    @Test
    void cutsAConnectionThatStaysSilentForTheIdleTimeout() throws Exception {
        CompletableFuture<String> serverSaw = serveOnceReportingTheFirstRead();
        CompletableFuture<RelayResult> result = relayOne(Duration.ofMillis(300));

        try (Socket client = new Socket(LOOPBACK, port())) {
            RelayResult relayed = result.get(30, TimeUnit.SECONDS);
            assertEquals(new RelayResult(0, 0, Outcome.TIMEOUT, "idle timeout"), relayed);
            assertThrows(SocketException.class, () -> client.getInputStream().read());
        }
        assertTrue(serverSaw.get(30, TimeUnit.SECONDS).contains("reset"), serverSaw.get());
    }

    @Test
    void stoppingResetsBothSidesOfAnOpenConnectionAndSaysWhy() throws Exception {
        CompletableFuture<Void> serverGotByte = new CompletableFuture<>();
        CompletableFuture<String> serverSaw = new CompletableFuture<>();
        serveOnce(socket -> {
            try {
                socket.getInputStream().read();
                serverGotByte.complete(null);
                serverSaw.complete("read " + socket.getInputStream().read());
            } catch (IOException e) {
                serverSaw.complete(e.getMessage());
            }
        });
        CompletableFuture<RelayResult> result = relayOne(Duration.ZERO);

        try (Socket client = new Socket(LOOPBACK, port())) {
            client.getOutputStream().write('x');
            serverGotByte.get(30, TimeUnit.SECONDS);

            relay.stopAll();

            RelayResult relayed = result.get(30, TimeUnit.SECONDS);
            assertEquals(new RelayResult(1, 0, Outcome.RESET, "urelay stopping"), relayed);
            assertThrows(SocketException.class, () -> client.getInputStream().read());
        }
        assertTrue(serverSaw.get(30, TimeUnit.SECONDS).contains("reset"), serverSaw.get());
    }

    @Test
    void leavesNoDescriptorOpenAfterManyConnections() throws Exception {
        Thread.ofPlatform().daemon().start(() -> {
            for (int i = 0; i < 300; i++) {
                try (Socket socket = server.accept()) {
                    socket.getOutputStream().write(socket.getInputStream().readAllBytes());
                } catch (IOException e) {
                    return;
                }
            }
        });
        Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 300; i++) {
                try {
                    ClientConnection client = acceptor.accept();
                    ByteStream upstream = network.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()),
                            Duration.ofSeconds(5));
                    relay.run(client, upstream, Duration.ZERO);
                } catch (Exception e) {
                    return;
                }
            }
        });
        exchange(50);
        Descriptors before = openDescriptors();
        long poolBefore = relay.pooledPipes();

        exchange(250);

        // How many empty pipes the pool keeps depends on how the two directions interleaved;
        // sockets must come back to the same count, and so must pipes outside the pool.
        Descriptors after = openDescriptors();
        assertEquals(before.sockets(), after.sockets());
        assertEquals(before.pipes() - 2 * poolBefore, after.pipes() - 2L * relay.pooledPipes());
    }

    private void exchange(int connections) throws IOException {
        for (int i = 0; i < connections; i++) {
            try (Socket client = new Socket(LOOPBACK, port())) {
                client.getOutputStream().write(new byte[10_000]);
                client.shutdownOutput();
                assertEquals(10_000, client.getInputStream().readAllBytes().length);
            }
        }
    }

    /** Sockets and pipe ends open in this process. */
    private record Descriptors(long sockets, long pipes) {
    }

    /** Descriptors open in this process, once the relay has closed the last connection's sockets. */
    private static Descriptors openDescriptors() throws Exception {
        Descriptors last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            Thread.sleep(20);
            Descriptors now = countDescriptors();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static Descriptors countDescriptors() throws IOException {
        long sockets = 0;
        long pipes = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed while listing, such as the directory stream's own descriptor
                }
                if (target.startsWith("socket:")) {
                    sockets++;
                } else if (target.startsWith("pipe:")) {
                    pipes++;
                }
            }
        }
        return new Descriptors(sockets, pipes);
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;
import org.newsclub.net.unix.FileDescriptorCast;
import urelay.spi.Capture;
import urelay.spi.ClientConnection;

/**
 * The acceptor against real Unix sockets and real descriptor passing, with a fake runtime:
 * senders in this test pass one end of Unix socket pairs, and a passed connection is
 * recognised by the open file its descriptor points at.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketboxAcceptorTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** {@code SCM_MAX_FD}: the kernel refuses to send more in one message. */
    private static final int KERNEL_MAX_DESCRIPTORS = 253;

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private Path dir;
    private Path path;
    private FakeNetwork network;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory("urelay-socketbox-");
        path = dir.resolve("socketbox.sock");
        network = new FakeNetwork();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
        network.close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Test
    void handsOverEveryDescriptorASenderPassesInTheOrderPassed() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        AFUNIXSocket sender = sender();
        List<FileDescriptor> passed = List.of(pairEnd(), pairEnd(), pairEnd());

        send(sender, passed.get(0));
        send(sender, passed.get(1), passed.get(2));

        for (FileDescriptor original : passed) {
            assertEquals(target(original), FakeNetwork.target(fd(acceptor.accept())));
        }
    }

    @Test
    void keepsAPassedConnectionOpenAfterItsSenderHangsUp() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        AFUNIXSocket sender = sender();
        FileDescriptor original = pairEnd();
        send(sender, original);
        int adopted = fd(acceptor.accept());

        sender.close();
        await(() -> acceptor.senders() == 0, "the sender's thread to end");

        assertTrue(FakeNetwork.isOpen(adopted), "the runtime's descriptor was closed with the sender");
        assertEquals(target(original), FakeNetwork.target(adopted));
    }

    @Test
    void takesConnectionsFromManySendersAtOnce() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        AFUNIXSocket first = sender();
        AFUNIXSocket second = sender();
        FileDescriptor one = pairEnd();
        FileDescriptor two = pairEnd();

        send(first, one);
        send(second, two);

        List<String> accepted = List.of(FakeNetwork.target(fd(acceptor.accept())),
                FakeNetwork.target(fd(acceptor.accept())));
        assertTrue(accepted.containsAll(List.of(target(one), target(two))), accepted.toString());
    }

    @Test
    void takesTheMostDescriptorsTheKernelPutsInOneMessage() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        AFUNIXSocket sender = sender();
        FileDescriptor[] passed = new FileDescriptor[KERNEL_MAX_DESCRIPTORS];
        for (int i = 0; i < passed.length; i++) {
            passed[i] = pairEnd();
        }

        send(sender, passed);

        for (FileDescriptor original : passed) {
            assertEquals(target(original), FakeNetwork.target(fd(acceptor.accept())));
        }
    }

    @Test
    void readsDestinationsAsTheCaptureModeSays() throws Exception {
        SocketboxAcceptor acceptor = SocketboxAcceptor.open(new SocketboxConfig(path, null, "redirect", "stream"),
                network);
        cleanup.add(acceptor);

        send(sender(), pairEnd());
        acceptor.accept();

        assertEquals(List.of(Capture.REDIRECT), network.captures);
    }

    @Test
    void endsASenderThatPassesSomethingOtherThanASocketAndClosesTheRestOfItsMessage() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        AFUNIXSocket bad = sender();
        FileInputStream notASocket = new FileInputStream("/dev/null");
        cleanup.add(notASocket);
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
        cleanup.add(pair);

        pair.getSocket2().socket().setSoTimeout((int) LIMIT.toMillis());

        send(bad, notASocket.getFD(), pair.getSocket1().getFileDescriptor());
        pair.getSocket1().close();

        assertEquals(-1, bad.getInputStream().read(), "the sender's connection is still open");
        assertEquals(-1, pair.getSocket2().socket().getInputStream().read(),
                "the socket passed after the bad descriptor was not closed");
        assertTrue(network.adopted.isEmpty());
        assertStillServes(acceptor);
    }

    @Test
    void endsASenderThatSendsBytesOtherThanZero() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        AFUNIXSocket bad = sender();

        bad.getOutputStream().write('x');

        assertEquals(-1, bad.getInputStream().read(), "the sender's connection is still open");
        assertStillServes(acceptor);
    }

    @Test
    void dropsAConnectionItsClientLostButKeepsTheSender() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        AFUNIXSocket sender = sender();
        network.loseSockets = true;
        send(sender, pairEnd());
        await(() -> network.captures.size() == 1, "the lost connection to be offered");
        network.loseSockets = false;
        FileDescriptor next = pairEnd();

        send(sender, next);

        assertEquals(target(next), FakeNetwork.target(fd(acceptor.accept())));
    }

    @Test
    void turnsAwayASenderBeyondTheLimitAndKeepsTheOthers() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        List<AFUNIXSocket> connected = new ArrayList<>();
        for (int i = 0; i < SocketboxAcceptor.MAX_SENDERS; i++) {
            connected.add(sender());
        }
        await(() -> acceptor.senders() == SocketboxAcceptor.MAX_SENDERS, "every sender to be accepted");

        AFUNIXSocket oneTooMany = sender();

        assertEquals(-1, oneTooMany.getInputStream().read(), "the sender beyond the limit is still connected");
        FileDescriptor original = pairEnd();
        send(connected.getLast(), original);
        assertEquals(target(original), FakeNetwork.target(fd(acceptor.accept())));
    }

    @Test
    void closingEndsAWaitingAcceptRemovesTheSocketFileAndHangsUpOnSenders() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        AFUNIXSocket sender = sender();
        await(() -> acceptor.senders() == 1, "the sender to be accepted");
        CompletableFuture<ClientConnection> waiting = acceptInBackground(acceptor);

        acceptor.close();

        var e = assertThrows(ExecutionException.class, () -> waiting.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ClosedChannelException, e.getCause().toString());
        assertThrows(ClosedChannelException.class, acceptor::accept);
        assertFalse(Files.exists(path), "socket file left behind");
        assertEquals(-1, sender.getInputStream().read(), "the sender's connection is still open");
    }

    @Test
    void closesConnectionsNobodyTookWhenClosing() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        send(sender(), pairEnd());
        await(() -> network.adopted.size() == 1, "the connection to be adopted");

        acceptor.close();

        assertTrue(network.adopted.getFirst().closed().get(), "a queued connection was left open");
    }

    @Test
    void givesTheSocketFileTheConfiguredModeAndLeavesNoTemporaryFile() throws Exception {
        open("0660");

        assertEquals(PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(path));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(path), files.toList());
        }
    }

    @Test
    void replacesAStaleSocketFileThatNothingListensOn() throws Exception {
        try (ServerSocketChannel previous = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            previous.bind(UnixDomainSocketAddress.of(path));
        }
        assertTrue(Files.exists(path), "the JDK removed the old socket file itself");
        SocketboxAcceptor acceptor = open("0600");

        assertStillServes(acceptor);
    }

    @Test
    void refusesAPathThatAnotherProcessListensOn() throws Exception {
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(path));

            var e = assertThrows(IOException.class, () -> open("0600"));

            assertEquals(path + ": something already listens there; stop it or choose another path", e.getMessage());
            assertTrue(Files.exists(path));
        }
    }

    @Test
    void refusesToReplaceAFileThatIsNotASocket() throws Exception {
        Files.writeString(path, "keep me");

        var e = assertThrows(IOException.class, () -> open("0600"));

        assertEquals(path + ": exists and is not a socket; remove it or choose another path", e.getMessage());
        assertEquals("keep me", Files.readString(path));
    }

    @Test
    void refusesToReplaceAFifoThatAnsweredLikeAStaleSocket() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());

        var e = assertThrows(IOException.class, () -> open("0600", "datagram"));

        assertEquals(path + ": exists and is not a socket; remove it or choose another path", e.getMessage());
        assertTrue(Files.exists(path, LinkOption.NOFOLLOW_LINKS), "the FIFO was removed");
    }

    @Test
    void replacesAStaleSocketAtAPathOfTheKernelsFullLength() throws Exception {
        String name = "s".repeat(SocketboxConfig.PATH_MAX - dir.toString().length() - 1);
        path = dir.resolve(name);
        assertEquals(SocketboxConfig.PATH_MAX, path.toString().length());
        try (AFUNIXDatagramSocket previous = AFUNIXDatagramSocket.newInstance()) {
            previous.setDeleteOnClose(false);
            previous.bind(AFUNIXSocketAddress.of(path));
        }
        SocketboxAcceptor acceptor = open("0600", "datagram");
        FileDescriptor original = pairEnd();

        sendDatagram(new byte[] {0}, original);

        assertEquals(target(original), FakeNetwork.target(fd(acceptor.accept())));
    }

    @Test
    void refusesADirectoryOthersMayWriteToWithoutTheStickyBit() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));
        path = shared.resolve("socketbox.sock");

        var e = assertThrows(IOException.class, () -> open("0600", "datagram"));

        assertEquals(path + ": directory " + shared + " is writable by its group (mode 770) without the sticky bit, "
                + "so they could swap the socket while it is set up; remove group and other write permission (chmod "
                + "go-w) or set the sticky bit (chmod +t)", e.getMessage());
        try (Stream<Path> files = Files.list(shared)) {
            assertEquals(List.of(), files.toList(), "something was made in the directory");
        }
    }

    @Test
    void takesADirectoryOthersMayWriteToWithTheStickyBit() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("sticky"));
        Files.setAttribute(shared, "unix:mode", 01777);
        path = shared.resolve("socketbox.sock");
        SocketboxAcceptor acceptor = open("0600", "datagram");
        FileDescriptor original = pairEnd();

        sendDatagram(new byte[] {0}, original);

        assertEquals(target(original), FakeNetwork.target(fd(acceptor.accept())));
    }

    @Test
    void refusesADirectoryThatDoesNotExist() {
        path = dir.resolve("missing/socketbox.sock");

        var e = assertThrows(IOException.class, () -> open("0600"));

        assertEquals(path + ": directory " + path.getParent() + " does not exist; create it first", e.getMessage());
    }

    @Test
    void leavesASocketFileAloneThatIsNoLongerItsOwn() throws Exception {
        SocketboxAcceptor acceptor = open("0600");
        Files.delete(path);
        try (ServerSocketChannel successor = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            successor.bind(UnixDomainSocketAddress.of(path));

            acceptor.close();

            assertTrue(Files.exists(path), "removed the socket file of another listener");
            Files.delete(path);
        }
    }

    @Test
    void takesTheConnectionEachDatagramCarriesInTheOrderSent() throws Exception {
        SocketboxAcceptor acceptor = open("0600", "datagram");
        List<FileDescriptor> passed = List.of(pairEnd(), pairEnd(), pairEnd());

        for (FileDescriptor descriptor : passed) {
            sendDatagram(new byte[] {0}, descriptor);
        }

        for (FileDescriptor original : passed) {
            assertEquals(target(original), FakeNetwork.target(fd(acceptor.accept())));
        }
    }

    @Test
    void dropsADatagramCarryingSomethingOtherThanASocketAndTakesTheNext() throws Exception {
        SocketboxAcceptor acceptor = open("0600", "datagram");
        FileInputStream notASocket = new FileInputStream("/dev/null");
        cleanup.add(notASocket);
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
        cleanup.add(pair);
        pair.getSocket2().socket().setSoTimeout((int) LIMIT.toMillis());

        sendDatagram(new byte[] {0}, notASocket.getFD(), pair.getSocket1().getFileDescriptor());
        pair.getSocket1().close();

        assertEquals(-1, pair.getSocket2().socket().getInputStream().read(),
                "the socket passed after the bad descriptor was not closed");
        FileDescriptor next = pairEnd();
        sendDatagram(new byte[] {0}, next);
        assertEquals(target(next), FakeNetwork.target(fd(acceptor.accept())));
        assertEquals(1, network.adopted.size());
    }

    @Test
    void dropsADatagramOfBytesOtherThanZeroWithItsDescriptors() throws Exception {
        SocketboxAcceptor acceptor = open("0600", "datagram");
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
        cleanup.add(pair);
        pair.getSocket2().socket().setSoTimeout((int) LIMIT.toMillis());

        sendDatagram(new byte[] {'x'}, pair.getSocket1().getFileDescriptor());
        pair.getSocket1().close();

        assertEquals(-1, pair.getSocket2().socket().getInputStream().read(), "the passed socket was not closed");
        FileDescriptor next = pairEnd();
        sendDatagram(new byte[] {0}, next);
        assertEquals(target(next), FakeNetwork.target(fd(acceptor.accept())));
    }

    @Test
    void closingADatagramSocketEndsAWaitingAcceptAndRemovesTheFile() throws Exception {
        SocketboxAcceptor acceptor = open("0660", "datagram");
        assertEquals(PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(path));
        CompletableFuture<ClientConnection> waiting = acceptInBackground(acceptor);

        acceptor.close();

        var e = assertThrows(ExecutionException.class, () -> waiting.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ClosedChannelException, e.getCause().toString());
        assertFalse(Files.exists(path), "socket file left behind");
    }

    @Test
    void refusesAPathWhereALiveDatagramSocketIsBound() throws Exception {
        try (AFUNIXDatagramSocket live = AFUNIXDatagramSocket.newInstance()) {
            live.bind(AFUNIXSocketAddress.of(path));

            var e = assertThrows(IOException.class, () -> open("0600", "datagram"));

            assertEquals(path + ": something already listens there; stop it or choose another path", e.getMessage());
        }
    }

    @Test
    void replacesAStaleDatagramSocketFile() throws Exception {
        try (AFUNIXDatagramSocket previous = AFUNIXDatagramSocket.newInstance()) {
            previous.setDeleteOnClose(false);
            previous.bind(AFUNIXSocketAddress.of(path));
        }
        assertTrue(Files.exists(path), "the old socket file went with its socket");
        SocketboxAcceptor acceptor = open("0600", "datagram");
        FileDescriptor original = pairEnd();

        sendDatagram(new byte[] {0}, original);

        assertEquals(target(original), FakeNetwork.target(fd(acceptor.accept())));
    }

    /** A sender passes a fresh socket and it comes out of {@link SocketboxAcceptor#accept()}. */
    private void assertStillServes(SocketboxAcceptor acceptor) throws Exception {
        FileDescriptor original = pairEnd();

        send(sender(), original);

        assertEquals(target(original), FakeNetwork.target(fd(acceptor.accept())));
    }

    /** A stream socket with {@code mode}. */
    private SocketboxAcceptor open(String mode) throws IOException {
        return open(mode, "stream");
    }

    private SocketboxAcceptor open(String mode, String socket) throws IOException {
        SocketboxAcceptor acceptor = SocketboxAcceptor.open(new SocketboxConfig(path, mode, null, socket), network);
        cleanup.add(acceptor);
        return acceptor;
    }

    /** Sends one datagram of {@code data} to the acceptor's path, as socketbox's server does. */
    private void sendDatagram(byte[] data, FileDescriptor... descriptors) throws IOException {
        try (AFUNIXDatagramSocket sender = AFUNIXDatagramSocket.newInstance()) {
            // junixsocket passes descriptors only on a connected datagram socket.
            sender.connect(AFUNIXSocketAddress.of(path));
            sender.setOutboundFileDescriptors(descriptors);
            sender.send(new DatagramPacket(data, data.length));
        }
    }

    private AFUNIXSocket sender() throws IOException {
        AFUNIXSocket sender = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
        sender.setSoTimeout((int) LIMIT.toMillis());
        cleanup.add(sender);
        return sender;
    }

    /** One end of a new socket pair; the test keeps both ends open until it ends. */
    private FileDescriptor pairEnd() throws IOException {
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
        cleanup.add(pair);
        return pair.getSocket1().getFileDescriptor();
    }

    /** An {@link SocketboxAcceptor#accept()} waiting on a thread of its own. */
    private static CompletableFuture<ClientConnection> acceptInBackground(SocketboxAcceptor acceptor) {
        CompletableFuture<ClientConnection> waiting = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiting.complete(acceptor.accept());
            } catch (IOException e) {
                waiting.completeExceptionally(e);
            }
        });
        return waiting;
    }

    private static void send(AFUNIXSocket sender, FileDescriptor... descriptors) throws IOException {
        sender.setOutboundFileDescriptors(descriptors);
        sender.getOutputStream().write(0);
    }

    private static String target(FileDescriptor descriptor) throws IOException {
        return FakeNetwork.target(FileDescriptorCast.using(descriptor).as(Integer.class));
    }

    private static int fd(ClientConnection connection) {
        return ((FakeConnection) connection).fd();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + LIMIT);
            }
            Thread.sleep(10);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;
import org.newsclub.net.unix.FileDescriptorCast;
import urelay.spi.PassedMessage;
import urelay.spi.PassingSocket;

/**
 * Receiving descriptors over Unix sockets with {@link LinuxNetwork#adoptPassingSocket}. The
 * sending side is junixsocket; what is passed is {@code /dev/null}, opened once per descriptor.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PassingUnixSocketTest {

    private LinuxNetwork network;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        network = new LinuxNetwork();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
        network.close();
    }

    @Test
    void receivesEveryDescriptorOfAStreamMessageOpen() throws Exception {
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = streamPair();
        try (PassingSocket receiver = adopt(pair.getSocket2())) {
            send(pair.getSocket1(), 3);

            PassedMessage message = receiver.receive().orElseThrow();

            assertArrayEquals(new byte[] {0}, message.data());
            assertEquals(3, message.descriptors().length);
            assertFalse(message.descriptorsTruncated());
            assertAllOpenThenDiscard(receiver, message.descriptors());
        }
    }

    @Test
    void receivesTwoHundredDescriptorsInOneMessageWithoutLosingAny() throws Exception {
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = streamPair();
        try (PassingSocket receiver = adopt(pair.getSocket2())) {
            send(pair.getSocket1(), 200);

            PassedMessage message = receiver.receive().orElseThrow();

            assertEquals(200, message.descriptors().length);
            assertFalse(message.descriptorsTruncated());
            assertAllOpenThenDiscard(receiver, message.descriptors());
        }
    }

    @Test
    void endsWhenTheStreamSenderCloses() throws Exception {
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = streamPair();
        try (PassingSocket receiver = adopt(pair.getSocket2())) {
            send(pair.getSocket1(), 1);
            pair.getSocket1().close();

            PassedMessage first = receiver.receive().orElseThrow();
            assertAllOpenThenDiscard(receiver, first.descriptors());
            assertEquals(Optional.empty(), receiver.receive());
        }
    }

    @Test
    void namesTheSendingProcessOfADatagram() throws Exception {
        AFUNIXSocketPair<AFUNIXDatagramChannel> pair = datagramPair();
        try (PassingSocket receiver = adopt(pair.getSocket2())) {
            pair.getSocket1().setOutboundFileDescriptors(devNulls(1));
            pair.getSocket1().write(ByteBuffer.wrap(new byte[] {0}));

            PassedMessage message = receiver.receive().orElseThrow();

            assertEquals(1, message.descriptors().length);
            PassedMessage.Sender sender = message.sender().orElseThrow();
            assertEquals(ProcessHandle.current().pid(), sender.pid());
            assertAllOpenThenDiscard(receiver, message.descriptors());
        }
    }

    @Test
    void takesAnEmptyDatagramAsAMessageNotAnEnd() throws Exception {
        AFUNIXSocketPair<AFUNIXDatagramChannel> pair = datagramPair();
        try (PassingSocket receiver = adopt(pair.getSocket2())) {
            // Through the socket: the channel sends nothing at all for an empty buffer.
            pair.getSocket1().socket().send(new DatagramPacket(new byte[0], 0));
            pair.getSocket1().write(ByteBuffer.wrap(new byte[] {0}));

            assertEquals(0, receiver.receive().orElseThrow().data().length);
            assertEquals(1, receiver.receive().orElseThrow().data().length);
        }
    }

    @Test
    void saysWhenADatagramHadMoreBytesThanWereRead() throws Exception {
        AFUNIXSocketPair<AFUNIXDatagramChannel> pair = datagramPair();
        try (PassingSocket receiver = adopt(pair.getSocket2())) {
            pair.getSocket1().write(ByteBuffer.allocate(PassingSocket.MAX_DATA + 100));

            PassedMessage message = receiver.receive().orElseThrow();

            assertEquals(PassingSocket.MAX_DATA, message.data().length);
            assertTrue(message.dataTruncated());
        }
    }

    @Test
    void shutdownWakesAWaitingReceive() throws Exception {
        AFUNIXSocketPair<AFUNIXDatagramChannel> pair = datagramPair();
        try (PassingSocket receiver = adopt(pair.getSocket2())) {
            CompletableFuture<Optional<PassedMessage>> waiting = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    waiting.complete(receiver.receive());
                } catch (IOException e) {
                    waiting.completeExceptionally(e);
                }
            });
            Thread.sleep(200);
            assertFalse(waiting.isDone(), "receive returned with nothing sent");

            receiver.shutdown();

            assertEquals(Optional.empty(), waiting.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void refusesATcpSocketAndClosesIt() {
        int fd = Libc.socket(Libc.AF_INET, Libc.SOCK_STREAM, 0);
        assertTrue(fd >= 0, "socket failed");

        var e = assertThrows(IllegalArgumentException.class, () -> network.adoptPassingSocket(fd));

        assertTrue(e.getMessage().contains("not a Unix stream or datagram socket"), e.getMessage());
        assertEquals(-1, Libc.fcntl(fd, Libc.F_GETFD, 0), "the refused descriptor is still open");
    }

    private PassingSocket adopt(java.nio.channels.Channel channel) throws IOException {
        FileDescriptor descriptor = channel instanceof AFUNIXSocketChannel stream ? stream.getFileDescriptor()
                : ((AFUNIXDatagramChannel) channel).getFileDescriptor();
        int fd = FileDescriptorCast.duplicating(descriptor).as(Integer.class);
        return network.adoptPassingSocket(fd);
    }

    private void send(AFUNIXSocketChannel channel, int count) throws IOException {
        channel.setOutboundFileDescriptors(devNulls(count));
        channel.write(ByteBuffer.wrap(new byte[] {0}));
    }

    private FileDescriptor[] devNulls(int count) throws IOException {
        FileDescriptor[] descriptors = new FileDescriptor[count];
        for (int i = 0; i < count; i++) {
            FileInputStream file = new FileInputStream("/dev/null");
            opened.add(file);
            descriptors[i] = file.getFD();
        }
        return descriptors;
    }

    private AFUNIXSocketPair<AFUNIXSocketChannel> streamPair() throws IOException {
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
        opened.add(pair.getSocket1());
        opened.add(pair.getSocket2());
        return pair;
    }

    private AFUNIXSocketPair<AFUNIXDatagramChannel> datagramPair() throws IOException {
        AFUNIXSocketPair<AFUNIXDatagramChannel> pair = AFUNIXSocketPair.openDatagram();
        opened.add(pair.getSocket1());
        opened.add(pair.getSocket2());
        return pair;
    }

    private static void assertAllOpenThenDiscard(PassingSocket receiver, int[] descriptors) {
        for (int fd : descriptors) {
            assertTrue(Libc.fcntl(fd, Libc.F_GETFD, 0) >= 0, "descriptor " + fd + " is not open");
            receiver.discard(fd);
        }
    }
}

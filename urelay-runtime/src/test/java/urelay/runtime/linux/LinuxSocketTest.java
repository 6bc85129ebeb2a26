// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import urelay.spi.ByteStream;

/** A runtime socket's waits: bounded by a timeout, cut short by an interrupt. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LinuxSocketTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static String readFromSilentPeer(LinuxNetwork network, ServerSocket silent, boolean interrupt,
            Duration timeout) throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        ByteStream stream = network.connect(new InetSocketAddress(LOOPBACK, silent.getLocalPort()), Duration.ofSeconds(5));
        try (Socket peer = silent.accept()) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    stream.timeout(timeout);
                    stream.read(ByteBuffer.allocate(16));
                    failure.complete("read returned");
                } catch (Exception e) {
                    failure.complete(e.getClass().getSimpleName());
                }
            });
            if (interrupt) {
                Thread.sleep(200);
                reader.interrupt();
            }
            return failure.get(20, TimeUnit.SECONDS);
        } finally {
            stream.close();
        }
    }

    @Test
    void anInterruptWakesAReadThatWaitsForAPeerThatSaysNothing() throws Exception {
        try (LinuxNetwork network = new LinuxNetwork(); ServerSocket silent = new ServerSocket(0, 5, LOOPBACK)) {
            assertEquals(InterruptedIOException.class.getSimpleName(),
                    readFromSilentPeer(network, silent, true, Duration.ZERO));
        }
    }

    @Test
    void aTimeoutBoundsAReadThatWaitsForAPeerThatSaysNothing() throws Exception {
        try (LinuxNetwork network = new LinuxNetwork(); ServerSocket silent = new ServerSocket(0, 5, LOOPBACK)) {
            String failure = readFromSilentPeer(network, silent, false, Duration.ofMillis(200));
            assertEquals(SocketTimeoutException.class.getSimpleName(), failure);
        }
    }
}

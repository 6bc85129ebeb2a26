// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import urelay.spi.ConnectFailedException;
import urelay.spi.Outcome;

/**
 * A connect that gets no answer times out, however the poller's events fall: a listener that
 * never accepts, with its queue full, drops the handshakes, so no connect may report success.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectTimeoutTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void everyConnectToAListenerThatNeverAnswersTimesOut() throws Exception {
        try (LinuxNetwork network = new LinuxNetwork(); ServerSocket full = new ServerSocket(0, 1, LOOPBACK)) {
            List<Socket> queued = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(full.getLocalSocketAddress(), 200);
                    queued.add(filler);
                } catch (java.io.IOException e) {
                    filler.close();
                }
            }
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, full.getLocalPort());
            AtomicInteger timedOut = new AtomicInteger();
            List<String> others = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        network.connect(target, Duration.ofMillis(300)).close();
                        others.add("connected");
                    } catch (ConnectFailedException e) {
                        if (e.outcome() == Outcome.TIMEOUT) {
                            timedOut.incrementAndGet();
                        } else {
                            others.add(e.outcome() + " " + e.getMessage());
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            for (Socket socket : queued) {
                socket.close();
            }

            assertEquals(List.of(), others);
            assertEquals(50, timedOut.get());
        }
    }
}

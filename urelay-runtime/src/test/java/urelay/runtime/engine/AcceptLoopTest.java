// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import urelay.spi.Acceptor;
import urelay.spi.ClientConnection;

class AcceptLoopTest {

    @Test
    void endsWhenThePluginAcceptorReportsItIsClosed() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Acceptor closed = new Acceptor() {
            @Override
            public ClientConnection accept() throws IOException {
                calls.incrementAndGet();
                throw new ClosedChannelException();
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public void close() {
            }
        };

        Thread loop = Thread.ofVirtual().start(new AcceptLoop("test", closed, null, new OpenConnections()));

        assertTrue(loop.join(Duration.ofSeconds(10)), "accept loop still running");
        assertEquals(1, calls.get());
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import urelay.spi.ClientConnection;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HandoffTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void handsConnectionsOverInTheOrderTheyCame() throws Exception {
        Handoff handoff = new Handoff(4);
        ClientConnection first = new FakeConnection(1);
        ClientConnection second = new FakeConnection(2);

        handoff.put(first);
        handoff.put(second);

        assertSame(first, handoff.take());
        assertSame(second, handoff.take());
    }

    @Test
    void aTakerWaitsForTheNextConnection() throws Exception {
        Handoff handoff = new Handoff(4);
        CompletableFuture<ClientConnection> taken = taker(handoff);
        ClientConnection connection = new FakeConnection(1);

        handoff.put(connection);

        assertSame(connection, taken.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aFullQueueHoldsThePutterUntilSomethingIsTaken() throws Exception {
        Handoff handoff = new Handoff(1);
        handoff.put(new FakeConnection(1));
        CompletableFuture<Void> put = putter(handoff, new FakeConnection(2));

        handoff.take();

        put.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2, ((FakeConnection) handoff.take()).fd());
    }

    @Test
    void closingWakesAWaitingTakerWithClosedChannelException() throws Exception {
        Handoff handoff = new Handoff(4);
        CompletableFuture<ClientConnection> taken = taker(handoff);

        handoff.close();

        var e = assertThrows(ExecutionException.class, () -> taken.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ClosedChannelException, e.getCause().toString());
    }

    @Test
    void closingWakesAWaitingPutterWhichKeepsItsConnection() throws Exception {
        Handoff handoff = new Handoff(1);
        handoff.put(new FakeConnection(1));
        FakeConnection waiting = new FakeConnection(2);
        CompletableFuture<Void> put = putter(handoff, waiting);

        List<ClientConnection> left = handoff.close();

        var e = assertThrows(ExecutionException.class, () -> put.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ClosedChannelException, e.getCause().toString());
        assertEquals(1, left.size());
        assertFalse(left.contains(waiting));
    }

    @Test
    void givesBackWhatNobodyTookAndRefusesMoreOnceClosed() throws Exception {
        Handoff handoff = new Handoff(4);
        FakeConnection queued = new FakeConnection(1);
        handoff.put(queued);

        assertEquals(List.of(queued), handoff.close());
        assertThrows(ClosedChannelException.class, () -> handoff.put(new FakeConnection(2)));
        assertThrows(ClosedChannelException.class, handoff::take);
    }

    private static CompletableFuture<ClientConnection> taker(Handoff handoff) {
        CompletableFuture<ClientConnection> taken = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                taken.complete(handoff.take());
            } catch (Exception e) {
                taken.completeExceptionally(e);
            }
        });
        return taken;
    }

    private static CompletableFuture<Void> putter(Handoff handoff, ClientConnection connection) {
        CompletableFuture<Void> put = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                handoff.put(connection);
                put.complete(null);
            } catch (Exception e) {
                put.completeExceptionally(e);
            }
        });
        return put;
    }
}

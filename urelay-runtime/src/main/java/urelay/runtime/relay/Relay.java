// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.relay;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import urelay.runtime.linux.LinuxSocket;
import urelay.spi.ByteStream;
import urelay.spi.Outcome;

/**
 * Relays one connection both ways until both sides are done, then closes both streams.
 *
 * <p>An end of stream on one side is passed on as a shutdown of writing on the other while the
 * other direction goes on (half-close). A reset on one side, a failure or the idle timeout cuts
 * the connection and resets both sides. Runs the upstream-to-client direction on the calling
 * virtual thread and the client-to-upstream direction on a new one.
 */
public final class Relay implements AutoCloseable {

    /** Empty pipes kept between connections; each costs two descriptors. */
    private static final int POOLED_PIPES = 64;

    private final PipePool pipes = new PipePool(POOLED_PIPES);
    private final Set<RelaySession> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * Relays until both directions end, closes both streams, and reports what moved.
     *
     * @param idleTimeout how long the connection may be silent both ways; zero for no limit
     */
    public RelayResult run(ByteStream client, ByteStream upstream, Duration idleTimeout)
            throws InterruptedException {
        // A sink may have bounded waits for its handshake; from here on only the idle timeout counts.
        for (ByteStream stream : new ByteStream[] {client, upstream}) {
            if (stream instanceof LinuxSocket socket) {
                socket.timeout(Duration.ZERO);
            }
        }
        RelaySession session = new RelaySession(client, upstream, idleTimeout);
        active.add(session);
        try {
            return run(session, client, upstream);
        } finally {
            active.remove(session);
        }
    }

    private RelayResult run(RelaySession session, ByteStream client, ByteStream upstream)
            throws InterruptedException {
        if (stopped) {
            // A connection that got its upstream while urelay was stopping is cut at once.
            session.stop();
        }
        Direction up = new Direction(client, upstream, session, pipes);
        Direction down = new Direction(upstream, client, session, pipes);
        End[] upEnd = new End[1];
        Thread upThread = Thread.ofVirtual().name("urelay-up").start(() -> upEnd[0] = endOf(up, session));
        End downEnd = endOf(down, session);
        joinUninterruptibly(upThread);

        // Both threads are done with the sockets; only now may their descriptors be closed.
        session.close();
        if (session.stopping()) {
            return new RelayResult(up.bytes(), down.bytes(), Outcome.RESET, "urelay stopping");
        }
        return new RelayResult(up.bytes(), down.bytes(), outcome(upEnd[0], downEnd), detail(upEnd[0], downEnd));
    }

    /**
     * Cuts every connection being relayed, and every one that reaches the relay from now on:
     * both sides get a reset, and each connection's relay returns with the outcome
     * {@code reset} and the detail {@code urelay stopping}.
     */
    public void stopAll() {
        stopped = true;
        active.forEach(RelaySession::stop);
    }

    private static End endOf(Direction direction, RelaySession session) {
        End end = direction.run();
        if (end.kind() != End.Kind.EOF && end.kind() != End.Kind.ABORTED) {
            session.abort();
        }
        return end;
    }

    private static Outcome outcome(End up, End down) {
        End cause = cause(up, down);
        return switch (cause.kind()) {
            case EOF, ABORTED -> Outcome.OK;
            case SOURCE_RESET, TARGET_RESET -> Outcome.RESET;
            case IDLE -> Outcome.TIMEOUT;
            case FAILED -> Outcome.ERROR;
        };
    }

    private static String detail(End up, End down) {
        End cause = cause(up, down);
        boolean upward = cause == up;
        return switch (cause.kind()) {
            case EOF, ABORTED -> "-";
            case SOURCE_RESET -> (upward ? "client" : "upstream") + " reset";
            case TARGET_RESET -> (upward ? "upstream" : "client") + " reset";
            case IDLE -> "idle timeout";
            case FAILED -> cause.errno();
        };
    }

    /** The end that decided the outcome: the first that was not a plain end of stream. */
    private static End cause(End up, End down) {
        if (up.kind() != End.Kind.EOF && up.kind() != End.Kind.ABORTED) {
            return up;
        }
        return down.kind() == End.Kind.EOF ? up : down;
    }

    /**
     * Waits for the other direction even when interrupted (urelay stopping interrupts every
     * connection thread): the sockets may be closed only after both directions are done with
     * them, and by then the stop has cut the connection, so the wait is short. The interrupt
     * is kept for the caller.
     */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Idle pipes kept now, for tests of the descriptor budget. */
    public int pooledPipes() {
        return pipes.idle();
    }

    @Override
    public void close() {
        pipes.close();
    }
}

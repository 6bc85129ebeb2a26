// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.relay;

import java.time.Duration;
import urelay.runtime.linux.LinuxSocket;
import urelay.spi.ByteStream;

/**
 * The state the two directions of one relayed connection share: when bytes last moved, and
 * whether the connection has been cut. Either direction thread may cut it; both read it.
 */
final class RelaySession {

    private final ByteStream client;
    private final ByteStream upstream;
    private final long idleNanos;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean aborted;
    private volatile boolean stopping;
    /** Guarded by this. */
    private boolean closed;

    /** @param idleTimeout zero for none */
    RelaySession(ByteStream client, ByteStream upstream, Duration idleTimeout) {
        this.client = client;
        this.upstream = upstream;
        this.idleNanos = nanos(idleTimeout);
    }

    /** The timeout in nanoseconds; one too long to count that way (292 years) means none. */
    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return 0;
        }
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    boolean aborted() {
        return aborted;
    }

    /** Cuts the connection because urelay is stopping; the relay reports that as the cause. */
    synchronized void stop() {
        if (!closed) {
            stopping = true;
            abort();
        }
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * Cuts the connection: both sides will see a reset when closed, and a direction parked on
     * either socket wakes at once. Streams that are not runtime sockets are reset right away,
     * since the only way to wake a thread blocked in a plugin's stream is to close it.
     */
    synchronized void abort() {
        if (closed) {
            // Too late: the descriptors are closed, and their numbers may already be reused.
            return;
        }
        // SO_LINGER 0 goes on before anyone can see the flag: a direction that sees it ends,
        // and the relay may close both sockets at once, which must then send a reset.
        for (ByteStream stream : new ByteStream[] {client, upstream}) {
            if (stream instanceof LinuxSocket socket) {
                socket.lingerZero();
            }
        }
        aborted = true;
        for (ByteStream stream : new ByteStream[] {client, upstream}) {
            if (stream instanceof LinuxSocket socket) {
                socket.abortWaits();
            } else {
                stream.reset();
            }
        }
    }

    /**
     * Closes both streams, once both directions have finished with them. Serialised with
     * {@link #abort()}, so a stop from another thread never touches a closed descriptor.
     */
    synchronized void close() {
        closed = true;
        upstream.close();
        client.close();
    }

    /** Waits for the socket to have bytes to read; false when the connection was idle too long. */
    boolean awaitReadable(LinuxSocket socket, int token) {
        while (!socket.readiness().awaitReadable(token, deadline())) {
            if (idleFor() >= idleNanos) {
                return false;
            }
        }
        return true;
    }

    /** Waits for the socket to take more bytes; false when the connection was idle too long. */
    boolean awaitWritable(LinuxSocket socket, int token) {
        while (!socket.readiness().awaitWritable(token, deadline())) {
            if (idleFor() >= idleNanos) {
                return false;
            }
        }
        return true;
    }

    private long deadline() {
        if (idleNanos == 0) {
            return 0;
        }
        long deadline = lastActivity + idleNanos;
        return deadline == 0 ? 1 : deadline;
    }

    /** The idle timeout; zero for none. */
    Duration idleTimeout() {
        return Duration.ofNanos(idleNanos);
    }

    /** Whether nothing has moved for the idle timeout (never, without one). */
    boolean idleExpired() {
        return idleNanos != 0 && idleFor() >= idleNanos;
    }

    private long idleFor() {
        return System.nanoTime() - lastActivity;
    }
}

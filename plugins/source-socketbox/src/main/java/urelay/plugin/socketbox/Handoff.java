// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import urelay.spi.ClientConnection;

/**
 * Adopted connections on their way from the sender threads to the runtime's accept loop: a
 * small bounded queue that can be closed. When it is full, senders wait, and so stop reading
 * from their Unix connections: the kernel's buffers then hold the senders back, as a full
 * accept queue holds back TCP clients. Closing wakes every waiter on either side.
 *
 * <p>Thread-safe. It waits with a {@link ReentrantLock}, which parks a virtual thread (the
 * runtime's accept loop) without pinning its carrier.
 */
final class Handoff {

    private final int capacity;
    private final ArrayDeque<ClientConnection> waiting = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /** Set once by {@link #close()}; guarded by {@link #lock}. */
    private boolean closed;

    Handoff(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues {@code connection}, waiting while the queue is full.
     *
     * @throws ClosedChannelException if the handoff is closed; the caller still owns
     *                                {@code connection} and must close it
     */
    void put(ClientConnection connection) throws ClosedChannelException, InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && waiting.size() >= capacity) {
                notFull.await();
            }
            if (closed) {
                throw new ClosedChannelException();
            }
            waiting.addLast(connection);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest connection, waiting while there is none.
     *
     * @throws ClosedChannelException once the handoff is closed
     */
    ClientConnection take() throws ClosedChannelException, InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && waiting.isEmpty()) {
                notEmpty.await();
            }
            if (closed) {
                throw new ClosedChannelException();
            }
            ClientConnection next = waiting.removeFirst();
            notFull.signal();
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the handoff and returns the connections nobody took, for the caller to close. */
    List<ClientConnection> close() {
        lock.lock();
        try {
            closed = true;
            List<ClientConnection> left = List.copyOf(waiting);
            waiting.clear();
            notEmpty.signalAll();
            notFull.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static java.lang.System.Logger.Level.DEBUG;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import urelay.spi.PassedMessage;
import urelay.spi.PassingSocket;

/**
 * One stream sender's connection: reads the TCP connections it passes and hands each to the
 * runtime. Runs on a thread of its own, which alone closes the connection; another thread may
 * only {@link #stop()} it. A sender that breaks the protocol is cut off: its connection ends.
 */
final class StreamSender implements Runnable {

    private static final System.Logger LOG = System.getLogger("urelay.socketbox");

    private final PassingSocket socket;
    private final Closeable accepted;
    private final Listener listener;
    private final String peer;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private long passed;

    /**
     * @param socket   the sender's connection, which this sender owns from now on
     * @param accepted the same connection as junixsocket accepted it, closed only after
     *                 {@code socket}: junixsocket shuts a connection down whenever it closes
     *                 one, which would end it for both
     * @param peer     the sender's process and user, for logs
     */
    StreamSender(PassingSocket socket, Closeable accepted, String peer, Listener listener) {
        this.socket = socket;
        this.accepted = accepted;
        this.peer = peer;
        this.listener = listener;
    }

    /** Where a sender hands its connections, and whom it tells when it ends. */
    interface Listener extends Delivery.Target {

        /** The sender's thread is about to end; its connection is closed. */
        void ended(StreamSender sender);
    }

    /** How the sender's connection ended. */
    private sealed interface End {

        /** The sender closed it. */
        record Finished() implements End {
        }

        /** The sender broke the protocol. */
        record Refused(String reason, int closedDescriptors) implements End {
        }

        /** The source is closing. */
        record Stopped() implements End {
        }

        /** Reading failed, or something unexpected went wrong. */
        record Failed(Exception error) implements End {
        }
    }

    @Override
    public void run() {
        LOG.log(DEBUG, "sender connected path=" + listener.path() + " " + peer);
        End end;
        try (accepted; socket) {
            end = receive();
        } catch (IOException e) {
            end = stopped.get() ? new End.Stopped() : new End.Failed(e);
        } catch (RuntimeException e) {
            // Whatever went wrong, it ends this sender only; the others and the source go on.
            end = new End.Failed(e);
        } finally {
            listener.ended(this);
        }
        log(end);
    }

    /** Wakes the sender's thread, which then closes the connection. Any thread. */
    void stop() {
        stopped.set(true);
        socket.shutdown();
    }

    private End receive() throws IOException {
        while (true) {
            Optional<PassedMessage> message = socket.receive();
            if (message.isEmpty()) {
                return stopped.get() ? new End.Stopped() : new End.Finished();
            }
            switch (Delivery.deliver(message.get(), socket, listener, peer)) {
                case Delivery.Result.Delivered delivered -> passed += delivered.queued();
                case Delivery.Result.Refused refused -> {
                    return new End.Refused(refused.reason(), refused.closedDescriptors());
                }
                case Delivery.Result.Stopped s -> {
                    return new End.Stopped();
                }
            }
        }
    }

    private void log(End end) {
        switch (end) {
            case End.Finished finished -> LOG.log(DEBUG, "sender ended path=" + listener.path() + " " + peer
                    + " passed=" + passed);
            case End.Stopped s -> LOG.log(DEBUG, "sender stopped path=" + listener.path() + " " + peer
                    + " passed=" + passed);
            case End.Refused refused -> listener.warn("sender refused path=" + listener.path() + " " + peer
                    + " passed=" + passed + " closed_descriptors=" + refused.closedDescriptors()
                    + " reason=\"" + refused.reason() + "\"");
            case End.Failed failed -> listener.warn("sender connection failed path=" + listener.path() + " "
                    + peer + " passed=" + passed + " error=\"" + text(failed.error()) + "\"");
        }
    }

    /** An I/O error's message, which names the problem; anything else with its type, as it is unexpected. */
    private static String text(Exception error) {
        return error instanceof IOException ? error.getMessage() : error.toString();
    }
}

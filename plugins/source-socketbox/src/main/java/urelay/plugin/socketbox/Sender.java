// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.TRACE;
import static java.lang.System.Logger.Level.WARNING;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * One sender's Unix connection: reads the TCP connections it passes and hands each to the
 * runtime. Runs on a platform thread of its own, which alone closes the connection; another
 * thread may only {@link #stop()} it.
 *
 * <p>The protocol is socketbox's, on a stream socket: each message is one zero byte carrying
 * an {@code SCM_RIGHTS} control message with one or more accepted TCP sockets. A byte other
 * than zero, or a descriptor that is not a TCP connection, is the sender's mistake: the
 * descriptors of that message not yet handed over are closed and the sender's connection
 * ends. A TCP connection whose client is already gone is dropped alone.
 *
 * <p>Each received descriptor is duplicated before the runtime takes it, and the original is
 * closed at once. junixsocket keeps track of the descriptors it received and closes those
 * still open when the Unix connection closes; the runtime must own a descriptor nobody else
 * will close.
 */
final class Sender implements Runnable {

    private static final System.Logger LOG = System.getLogger("urelay.socketbox");

    /**
     * Bytes read at once. A read stops after a message that carries descriptors, so each read
     * brings at most one batch of them; this only bounds how many bare bytes come at once.
     */
    private static final int DATA_BUFFER = 256;

    /**
     * The control buffer asked for. junixsocket 2.11 gives 256 bytes whatever is asked, room
     * for 60 descriptors in one message (docs/capture-socketbox.md says so).
     */
    // TODO: a message with more than 60 descriptors is lost and leaks the 60 that fit. junixsocket
    // gives a 256-byte control buffer whatever is asked, and when the kernel truncates the control
    // data it fails the read with ENOBUFS without handing over the descriptors already installed.
    // Until junixsocket takes a larger buffer or returns them, such a sender is cut off, its clients
    // lose those connections, and urelay holds up to 60 stray descriptors each time.
    private static final int ANCILLARY_BUFFER = 256;

    private final AFUNIXSocket socket;
    private final Listener listener;
    private final String peer;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private long passed;

    Sender(AFUNIXSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
        this.peer = peer(socket);
    }

    /** Where a sender hands its connections, and whom it tells when it ends. */
    interface Listener {

        /** Adopts a passed descriptor and queues the connection for the runtime's accept loop. */
        Adoption adopt(int fd);

        /** The sender's thread is about to end; its connection is closed. */
        void ended(Sender sender);

        /** The source's path, for logs. */
        String path();
    }

    /** What became of one passed descriptor. */
    sealed interface Adoption {

        /** The runtime took it and it is queued for the accept loop. */
        record Queued() implements Adoption {
        }

        /** A TCP connection that could not be taken over; only it is lost. */
        record Lost(String reason) implements Adoption {
        }

        /** Not a TCP connection at all: the sender made a mistake. */
        record WrongKind(String reason) implements Adoption {
        }

        /** The source is closing; the connection was closed. */
        record Closing() implements Adoption {
        }
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
        try (socket) {
            socket.setAncillaryReceiveBufferSize(ANCILLARY_BUFFER);
            end = receive(socket.getInputStream());
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
        try {
            // Through the channel: junixsocket's accepted socket does not count as connected
            // for java.net.Socket's own shutdownInput, which then refuses.
            socket.getChannel().shutdownInput();
        } catch (IOException e) {
            // Closed already by its own thread, which is what stopping asks for.
            LOG.log(TRACE, "sender already closed path=" + listener.path() + " " + peer);
        }
    }

    private End receive(InputStream in) throws IOException {
        byte[] data = new byte[DATA_BUFFER];
        while (true) {
            int count = in.read(data);
            FileDescriptor[] descriptors = socket.getReceivedFileDescriptors();
            if (count < 0) {
                closeFrom(descriptors, 0);
                return stopped.get() ? new End.Stopped() : new End.Finished();
            }
            if (!zeros(data, count)) {
                return new End.Refused("sent a byte other than zero", closeFrom(descriptors, 0));
            }
            for (int i = 0; i < descriptors.length; i++) {
                Optional<End> end = hand(descriptors[i]);
                if (end.isPresent()) {
                    int closed = closeFrom(descriptors, i + 1);
                    return end.get() instanceof End.Refused refused
                            ? new End.Refused(refused.reason(), 1 + closed)
                            : end.get();
                }
            }
        }
    }

    /** Hands one passed descriptor to the runtime; says how the connection ends if it must. */
    private Optional<End> hand(FileDescriptor received) {
        int fd;
        try {
            fd = FileDescriptorCast.duplicating(received).as(Integer.class);
        } catch (IOException e) {
            LOG.log(WARNING, "passed connection dropped path=" + listener.path() + " " + peer
                    + " error=\"cannot duplicate the descriptor: " + e.getMessage() + "\"");
            return Optional.empty();
        } finally {
            close(received);
        }
        return switch (listener.adopt(fd)) {
            case Adoption.Queued queued -> {
                passed++;
                yield Optional.empty();
            }
            case Adoption.Lost lost -> {
                LOG.log(WARNING, "passed connection dropped path=" + listener.path() + " " + peer
                        + " error=\"" + lost.reason() + "\"");
                yield Optional.empty();
            }
            case Adoption.WrongKind wrong -> Optional.of(new End.Refused(wrong.reason(), 0));
            case Adoption.Closing closing -> Optional.of(new End.Stopped());
        };
    }

    private void log(End end) {
        switch (end) {
            case End.Finished finished -> LOG.log(DEBUG, "sender ended path=" + listener.path() + " " + peer
                    + " passed=" + passed);
            case End.Stopped stopped -> LOG.log(DEBUG, "sender stopped path=" + listener.path() + " " + peer
                    + " passed=" + passed);
            case End.Refused refused -> LOG.log(WARNING, "sender refused path=" + listener.path() + " " + peer
                    + " passed=" + passed + " closed_descriptors=" + refused.closedDescriptors()
                    + " reason=\"" + refused.reason() + "\"");
            case End.Failed failed -> LOG.log(WARNING, "sender connection failed path=" + listener.path() + " "
                    + peer + " passed=" + passed + " error=\"" + text(failed.error()) + "\"");
        }
    }

    /** Closes {@code descriptors} from index {@code from} on and returns how many that was. */
    private int closeFrom(FileDescriptor[] descriptors, int from) {
        for (int i = from; i < descriptors.length; i++) {
            close(descriptors[i]);
        }
        return descriptors.length - from;
    }

    /**
     * Closes a received descriptor through the JDK, which also runs the cleanup junixsocket
     * attached to it, so junixsocket forgets it and never closes the number again.
     */
    private void close(FileDescriptor descriptor) {
        try {
            new FileInputStream(descriptor).close();
        } catch (IOException e) {
            LOG.log(WARNING, "received descriptor not closed path=" + listener.path() + " " + peer
                    + " error=\"" + e.getMessage() + "\"");
        }
    }

    /** An I/O error's message, which names the problem; anything else with its type, as it is unexpected. */
    private static String text(Exception error) {
        return error instanceof IOException ? error.getMessage() : error.toString();
    }

    private static boolean zeros(byte[] data, int count) {
        for (int i = 0; i < count; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The sender's process and user as the kernel saw them at connect, for logs. */
    private static String peer(AFUNIXSocket socket) {
        try {
            AFUNIXSocketCredentials credentials = socket.getPeerCredentials();
            return "sender_pid=" + credentials.getPid() + " sender_uid=" + credentials.getUid();
        } catch (IOException e) {
            return "sender_pid=- sender_uid=-";
        }
    }
}

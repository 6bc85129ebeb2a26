// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.TRACE;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.AFSocketCapability;
import org.newsclub.net.unix.AFUNIXSocket;
import urelay.spi.Acceptor;
import urelay.spi.ClientConnection;
import urelay.spi.Network;

/**
 * The socketbox source's acceptor: a Unix socket that senders connect to and pass accepted TCP
 * connections over. {@link #accept()} returns the next of them, adopted by the runtime.
 *
 * <p>Threads: one platform thread accepts senders, and each sender's connection is read by a
 * platform thread of its own ({@link Sender}). junixsocket waits inside native code, which
 * would hold a virtual thread's carrier for as long as a sender is idle, so the runtime's
 * virtual threads are kept out of it. {@link #accept()} runs on the runtime's accept loop, a
 * virtual thread, and parks on the {@link Handoff}.
 *
 * <p>Owns the listening Unix socket and its file, and the adopted connections until
 * {@link #accept()} returns them. Each sender's connection is closed by its own thread.
 */
// TODO: only stream connections are taken. socketbox's own server sends each socket as a
// datagram to a SOCK_DGRAM socket, which cannot reach this one (its sendto fails with
// EPROTOTYPE on its side, so urelay never sees it); until a datagram mode is added, a sender
// that connects with a stream socket, like the one in docs/capture-socketbox.md, must pass
// the sockets.
final class SocketboxAcceptor implements Acceptor, Sender.Listener {

    private static final System.Logger LOG = System.getLogger("urelay.socketbox");

    /** Adopted connections waiting for the accept loop; a full queue holds the senders back. */
    private static final int QUEUE = 16;

    /** Senders connected at once; each costs a thread and a descriptor. */
    static final int MAX_SENDERS = 64;

    private static final long MIN_PAUSE_MS = 50;
    private static final long MAX_PAUSE_MS = 1000;

    private final SocketFile file;
    private final SocketboxConfig config;
    private final Network network;
    private final Handoff handoff = new Handoff(QUEUE);
    private final Set<Sender> senders = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SocketboxAcceptor(SocketFile file, SocketboxConfig config, Network network) {
        this.file = file;
        this.config = config;
        this.network = network;
    }

    /**
     * Listens at the configured path and starts accepting senders.
     *
     * @throws IOException naming the path and what went wrong
     */
    static SocketboxAcceptor open(SocketboxConfig config, Network network) throws IOException {
        if (!AFUNIXSocket.isSupported() || !AFSocket.supports(AFSocketCapability.CAPABILITY_ANCILLARY_MESSAGES)) {
            throw new IOException(config.path() + ": junixsocket cannot pass descriptors here: its native "
                    + "library did not load; it is unpacked into java.io.tmpdir, so set "
                    + "-Dorg.newsclub.net.unix.library.tmpdir=DIR in URELAY_JAVA_OPTS if that is mounted noexec");
        }
        SocketFile file = SocketFile.listen(config.path(), config.permissions());
        SocketboxAcceptor acceptor = new SocketboxAcceptor(file, config, network);
        Thread.ofPlatform().daemon().name("urelay-socketbox-accept").start(acceptor::acceptSenders);
        return acceptor;
    }

    @Override
    public ClientConnection accept() throws IOException {
        try {
            return handoff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a passed connection");
        }
    }

    @Override
    public String description() {
        return "unix:" + config.path();
    }

    /** Closes the Unix socket and removes its file, ends every sender, and closes what nobody took. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        file.close();
        senders.forEach(Sender::stop);
        handoff.close().forEach(ClientConnection::close);
    }

    @Override
    public Sender.Adoption adopt(int fd) {
        ClientConnection connection;
        try {
            connection = network.adoptConnection(fd, config.captureMode());
        } catch (IllegalArgumentException e) {
            return new Sender.Adoption.WrongKind(e.getMessage());
        } catch (IOException e) {
            return new Sender.Adoption.Lost(e.getMessage());
        }
        try {
            handoff.put(connection);
            return new Sender.Adoption.Queued();
        } catch (ClosedChannelException | InterruptedException e) {
            connection.close();
            return new Sender.Adoption.Closing();
        }
    }

    @Override
    public void ended(Sender sender) {
        senders.remove(sender);
    }

    @Override
    public String path() {
        return config.path().toString();
    }

    /** How many senders are connected now. */
    int senders() {
        return senders.size();
    }

    /** The accept thread: takes senders until the socket is closed. */
    private void acceptSenders() {
        long pause = 0;
        while (!closed.get()) {
            AFUNIXSocket socket;
            try {
                socket = file.server().accept();
                pause = 0;
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                if (file.server().isClosed()) {
                    LOG.log(ERROR, "no more senders are accepted path=" + path() + " error=\"" + e.getMessage()
                            + "\"");
                    return;
                }
                // Out of descriptors, most likely: slow down rather than spin.
                pause = pause == 0 ? MIN_PAUSE_MS : Math.min(pause * 2, MAX_PAUSE_MS);
                LOG.log(WARNING, "accepting a sender failed path=" + path() + " pause_ms=" + pause
                        + " error=\"" + e.getMessage() + "\"");
                sleep(pause);
                continue;
            }
            start(socket);
        }
    }

    private void start(AFUNIXSocket socket) {
        if (senders.size() >= MAX_SENDERS) {
            LOG.log(WARNING, "sender turned away path=" + path() + " reason=\"already " + MAX_SENDERS
                    + " senders connected\"");
            closeQuietly(socket);
            return;
        }
        Sender sender = new Sender(socket, this);
        senders.add(sender);
        Thread.ofPlatform().daemon().name("urelay-socketbox-sender").start(sender);
        // close() may have gone through the senders before this one was added.
        if (closed.get()) {
            sender.stop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is left to do with it; a failure changes nothing for anyone.
            LOG.log(TRACE, "close failed error=\"" + e.getMessage() + "\"");
        }
    }
}

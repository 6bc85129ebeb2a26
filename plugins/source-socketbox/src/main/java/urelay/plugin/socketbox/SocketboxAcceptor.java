// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.TRACE;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;
import org.newsclub.net.unix.FileDescriptorCast;
import urelay.spi.Acceptor;
import urelay.spi.ClientConnection;
import urelay.spi.Network;
import urelay.spi.PassingSocket;

/**
 * The socketbox source's acceptor: a Unix socket that senders pass accepted TCP connections
 * over. {@link #accept()} returns the next of them, adopted by the runtime.
 *
 * <p>Two kinds of socket, as configured. A <em>datagram</em> socket, which socketbox's own
 * server sends to, is read by one {@link DatagramReceiver}. A <em>stream</em> socket is
 * listened on by a platform thread (junixsocket's accept waits inside native code, which would
 * hold a virtual thread's carrier while no sender connects), and each sender's connection is
 * read by a {@link StreamSender} on a virtual thread of its own. Either way, the runtime reads
 * the messages ({@link urelay.spi.PassingSocket}), with room for every descriptor one can carry.
 * {@link #accept()} runs on the runtime's accept loop, a virtual thread, and parks on the
 * {@link Handoff}.
 *
 * <p>Owns the socket file and the adopted connections until {@link #accept()} returns them.
 * Each reading thread closes its own socket.
 */
final class SocketboxAcceptor implements Acceptor, StreamSender.Listener {

    private static final System.Logger LOG = System.getLogger("urelay.socketbox");

    /** Adopted connections waiting for the accept loop; a full queue holds the senders back. */
    private static final int QUEUE = 16;

    /** Stream senders connected at once; each costs a thread and a descriptor. */
    static final int MAX_SENDERS = 64;

    private static final long MIN_PAUSE_MS = 50;
    private static final long MAX_PAUSE_MS = 1000;

    private final SocketFile file;
    private final SocketboxConfig config;
    private final Network network;
    private final Handoff handoff;
    private final Intake intake;
    private final Set<StreamSender> senders = ConcurrentHashMap.newKeySet();
    /** The datagram socket's reader; null for a stream socket. */
    private final DatagramReceiver receiver;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SocketboxAcceptor(SocketFile file, SocketboxConfig config, Network network, Handoff handoff,
            Intake intake, DatagramReceiver receiver) {
        this.file = file;
        this.config = config;
        this.network = network;
        this.handoff = handoff;
        this.intake = intake;
        this.receiver = receiver;
    }

    /**
     * Puts the socket at the configured path and starts taking connections.
     *
     * @throws IOException naming the path and what went wrong
     */
    static SocketboxAcceptor open(SocketboxConfig config, Network network) throws IOException {
        if (!AFUNIXSocket.isSupported()) {
            throw new IOException(config.path() + ": junixsocket's native library did not load; it is unpacked "
                    + "into java.io.tmpdir, so set -Dorg.newsclub.net.unix.library.tmpdir=DIR in URELAY_JAVA_OPTS "
                    + "if that is mounted noexec");
        }
        Handoff handoff = new Handoff(QUEUE);
        Intake intake = new Intake(network, config.captureMode(), handoff, config.path().toString());
        return switch (config.socketKind()) {
            case STREAM -> {
                SocketFile file = SocketFile.listen(config.path(), config.permissions());
                SocketboxAcceptor acceptor = new SocketboxAcceptor(file, config, network, handoff, intake, null);
                Thread.ofPlatform().daemon().name("urelay-socketbox-accept").start(acceptor::acceptSenders);
                yield acceptor;
            }
            case DATAGRAM -> {
                SocketFile.Datagram bound = SocketFile.bindDatagram(config.path(), config.permissions());
                PassingSocket socket;
                try {
                    socket = network.adoptPassingSocket(bound.fd());
                } catch (IOException | RuntimeException e) {
                    bound.file().close();
                    throw new IOException(config.path() + ": cannot receive on the socket: " + e.getMessage(), e);
                }
                DatagramReceiver receiver = new DatagramReceiver(socket, intake);
                SocketboxAcceptor acceptor = new SocketboxAcceptor(bound.file(), config, network, handoff, intake,
                        receiver);
                Thread.ofVirtual().name("urelay-socketbox-receive").start(receiver);
                yield acceptor;
            }
        };
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
        if (receiver != null) {
            receiver.stop();
        }
        senders.forEach(StreamSender::stop);
        handoff.close().forEach(ClientConnection::close);
    }

    @Override
    public Delivery.Adoption adopt(int fd) {
        return intake.adopt(fd);
    }

    @Override
    public void warn(String line) {
        intake.warn(line);
    }

    @Override
    public void ended(StreamSender sender) {
        senders.remove(sender);
    }

    @Override
    public String path() {
        return config.path().toString();
    }

    /** How many stream senders are connected now. */
    int senders() {
        return senders.size();
    }

    /** The accept thread of a stream socket: takes senders until the socket is closed. */
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
                warn("accepting a sender failed path=" + path() + " pause_ms=" + pause
                        + " error=\"" + e.getMessage() + "\"");
                sleep(pause);
                continue;
            }
            start(socket);
        }
    }

    private void start(AFUNIXSocket socket) {
        if (senders.size() >= MAX_SENDERS) {
            warn("sender turned away path=" + path() + " reason=\"already " + MAX_SENDERS
                    + " senders connected\"");
            closeQuietly(socket);
            return;
        }
        String peer = peer(socket);
        PassingSocket passing;
        try {
            passing = network.adoptPassingSocket(FileDescriptorCast.duplicating(socket.getFileDescriptor())
                    .as(Integer.class));
        } catch (IOException | RuntimeException e) {
            warn("sender dropped path=" + path() + " " + peer + " error=\"" + e.getMessage() + "\"");
            closeQuietly(socket);
            return;
        }
        StreamSender sender = new StreamSender(passing, socket, peer, this);
        senders.add(sender);
        Thread.ofVirtual().name("urelay-socketbox-sender").start(sender);
        // close() may have gone through the senders before this one was added.
        if (closed.get()) {
            sender.stop();
        }
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

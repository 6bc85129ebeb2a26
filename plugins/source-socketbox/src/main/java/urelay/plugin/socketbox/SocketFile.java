// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.TRACE;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * The listening Unix socket and its file: puts the socket at its path with its mode, and on
 * {@link #close()} closes it and removes the file. Opened and closed on the thread that opens
 * or closes the source; {@link #server()} may be used from any thread.
 *
 * <p>The socket is bound under a fresh hidden name beside the final one, given its mode, and
 * only then renamed into place. A sender can therefore never find the socket at its path with
 * the looser mode the process's umask would give it, nor connect in that moment and stay
 * connected after the mode is set.
 *
 * <p>junixsocket's server socket checks before each accept that its bound path still names
 * it, and closes itself when not, which the rename would trigger. So the bound socket's
 * descriptor is duplicated and taken up again as a server socket, which junixsocket does not
 * tie to a path; that one accepts. The first is kept open, unused, until {@link #close()}:
 * junixsocket shuts a socket down whenever it closes one, which would stop the listening
 * socket both descriptors share.
 *
 * <p>A file already at the path is replaced only when it is a socket that nothing listens on
 * (a stale file left by a process that died); a live socket or any other kind of file stops
 * the source from opening.
 */
final class SocketFile implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("urelay.socketbox");
    private static final int BACKLOG = 64;
    private static final int NAME_ATTEMPTS = 5;
    private static final String NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The file type bits of a mode, and the type of a socket (sys/stat.h). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int OTHERS_WRITE = 0002;
    private static final int STICKY = 01000;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final AFUNIXServerSocket bound;
    private final AFUNIXServerSocket server;
    private final Path path;
    private final Object fileKey;

    private SocketFile(AFUNIXServerSocket bound, AFUNIXServerSocket server, Path path, Object fileKey) {
        this.bound = bound;
        this.server = server;
        this.path = path;
        this.fileKey = fileKey;
    }

    /**
     * Listens at {@code path} with {@code permissions}, for stream senders.
     *
     * @throws IOException naming the path and what is wrong with it
     */
    static SocketFile listen(Path path, Set<PosixFilePermission> permissions) throws IOException {
        boolean stale = checkPlace(path);
        AFUNIXServerSocket bound = AFUNIXServerSocket.newInstance();
        try {
            bound.setDeleteOnClose(false);
            putInPlace(path, stale, permissions,
                    temporary -> bound.bind(AFUNIXSocketAddress.of(temporary), BACKLOG));
            try {
                SocketFile file = new SocketFile(bound, untie(bound), path, key(path));
                logStale(stale, path);
                return file;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            bound.close();
            throw e;
        }
    }

    /**
     * Binds a datagram socket at {@code path} with {@code permissions} and returns the file
     * with a descriptor of the socket, for the caller to own; the file keeps no socket open.
     *
     * @throws IOException naming the path and what is wrong with it
     */
    static Datagram bindDatagram(Path path, Set<PosixFilePermission> permissions) throws IOException {
        boolean stale = checkPlace(path);
        try (AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance()) {
            socket.setDeleteOnClose(false);
            // Only the descriptor returned is used from here on; closing this one must not
            // shut down the socket both share.
            socket.setShutdownOnClose(false);
            putInPlace(path, stale, permissions, temporary -> socket.bind(AFUNIXSocketAddress.of(temporary)));
            try {
                int fd = FileDescriptorCast.duplicating(socket.getFileDescriptor()).as(Integer.class);
                SocketFile file = new SocketFile(null, null, path, key(path));
                logStale(stale, path);
                return new Datagram(file, fd);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        }
    }

    /** A datagram socket's file, and a descriptor of the socket that the caller owns. */
    record Datagram(SocketFile file, int fd) {
    }

    /**
     * Binds in a new hidden directory beside {@code path} that only urelay's user may enter,
     * sets the mode, puts the socket at {@code path} and removes the directory. Nobody else can
     * reach the socket before it has its mode: a name beside the path would be open to anyone
     * quick enough to connect in that moment. (That nobody else can swap the hidden directory
     * for one of their own meanwhile is what {@link #checkDirectories} makes sure of.)
     *
     * <p>Without a {@code stale} file to replace, the socket is put in place with a hard link,
     * which fails if the path has been taken since it was checked, as by a second urelay
     * started at the same moment; a rename would silently replace that one's live socket.
     */
    private static void putInPlace(Path path, boolean stale, Set<PosixFilePermission> permissions, Binder binder)
            throws IOException {
        Path staging = stagingDirectory(path);
        try {
            Path staged = staging.resolve(SocketboxConfig.STAGED_NAME);
            try {
                binder.bind(staged);
            } catch (SocketException e) {
                throw new IOException(path + ": cannot bind a socket beside it: " + e.getMessage(), e);
            }
            try {
                Files.setPosixFilePermissions(staged, permissions);
                if (stale) {
                    Files.move(staged, path, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.createLink(path, staged);
                    Files.delete(staged);
                }
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(staged);
                throw new IOException(path + ": another socket was put there while this one was set up; stop it or "
                        + "choose another path", e);
            } catch (IOException e) {
                Files.deleteIfExists(staged);
                throw new IOException(path + ": cannot put the socket in place: " + reason(e), e);
            }
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** Makes the hidden directory, with a fresh name, that the socket is bound in first. */
    private static Path stagingDirectory(Path path) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path directory = path.resolveSibling(stagingName());
            try {
                return Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw new IOException(path + ": cannot make a hidden directory beside it to set the socket up "
                            + "in: " + reason(e), e);
                }
            } catch (IOException e) {
                throw new IOException(path + ": cannot make a hidden directory beside it to set the socket up in: "
                        + reason(e), e);
            }
        }
    }

    /** Binds a socket to a path. */
    @FunctionalInterface
    private interface Binder {
        void bind(Path path) throws IOException;
    }

    /** Checks the directory and whatever is at {@code path}; whether a stale socket is there to replace. */
    private static boolean checkPlace(Path path) throws IOException {
        checkDirectory(path);
        return checkExisting(path);
    }

    private static void logStale(boolean stale, Path path) {
        if (stale) {
            LOG.log(INFO, "stale socket file replaced path=" + path);
        }
    }

    /** The listening socket; only for a file made by {@link #listen}. */
    AFUNIXServerSocket server() {
        return server;
    }

    /** Closes the socket and removes its file, unless another socket has taken the path since. */
    @Override
    public void close() {
        for (AFUNIXServerSocket socket : new AFUNIXServerSocket[] {server, bound}) {
            if (socket == null) {
                continue;
            }
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing else holds the socket; a failure to close it leaves nothing to do.
                LOG.log(TRACE, "closing the listening socket failed path=" + path + " error=\"" + e.getMessage()
                        + "\"");
            }
        }
        try {
            if (fileKey != null && fileKey.equals(key(path))) {
                Files.delete(path);
            }
        } catch (NoSuchFileException e) {
            LOG.log(TRACE, "socket file already gone path=" + path);
        } catch (IOException e) {
            LOG.log(WARNING, "socket file not removed path=" + path + " error=\"" + e.getMessage() + "\"");
        }
    }

    private static void checkDirectory(Path path) throws IOException {
        Path directory = path.getParent();
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(path + ": directory " + directory + " does not exist; create it first");
        }
        checkDirectories(path);
    }

    /**
     * Refuses a path where another user could rename or replace the directory the socket is
     * set up in, or the socket on its way: the directory holding it and every one above must
     * be owned by root or by urelay's user, and not writable by group or others unless sticky
     * (as {@code /tmp} is, where only an entry's owner may rename it). Someone who could do
     * that could have urelay, perhaps running as root, set the mode of a file of their choice.
     */
    static void checkDirectories(Path path) throws IOException {
        int self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        for (Path directory = path.toAbsolutePath().getParent(); directory != null; directory = directory.getParent()) {
            Map<String, Object> attributes = Files.readAttributes(directory, "unix:uid,mode");
            int owner = (Integer) attributes.get("uid");
            int mode = (Integer) attributes.get("mode");
            if (owner != 0 && owner != self) {
                throw new IOException(path + ": directory " + directory + " belongs to user " + owner
                        + ", who could swap the socket while it is set up; use a directory owned by root or by "
                        + "urelay's user");
            }
            if ((mode & GROUP_OR_OTHERS_WRITE) != 0 && (mode & STICKY) == 0) {
                throw new IOException(path + ": directory " + directory + " is writable by "
                        + ((mode & OTHERS_WRITE) != 0 ? "others" : "its group") + " (mode "
                        + Integer.toOctalString(mode & 07777) + ") without the sticky bit, so they could swap the "
                        + "socket while it is set up; remove group and other write permission (chmod go-w) or "
                        + "set the sticky bit (chmod +t)");
            }
        }
    }

    /** An I/O error's reason: the JDK names only the file in some, such as a refused permission. */
    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied (" + denied.getFile() + ")";
            default -> e.getMessage();
        };
    }

    /**
     * Whether a stale socket sits at {@code path}.
     *
     * @throws IOException if something listens there, or the file is not a socket
     */
    private static boolean checkExisting(Path path) throws IOException {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        // A FIFO or a device node would answer the probe below as refused, like a stale socket.
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new FileAlreadyExistsException(path + ": exists and is not a socket; remove it or choose "
                    + "another path");
        }
        // Not blocking: a listener whose queue is full would hold a blocking connect forever,
        // and a connect left pending also means that something listens. junixsocket, as the
        // JDK's channels refuse a path of the kernel's full 107 bytes.
        try (AFUNIXSocketChannel probe = AFUNIXSocketChannel.open()) {
            probe.configureBlocking(false);
            probe.connect(AFUNIXSocketAddress.of(path));
        } catch (ConnectionRefusedSocketException e) {
            // Refused: no socket of either kind is bound there any more.
            return true;
        } catch (IOException e) {
            // A live datagram socket refuses a stream connect as the wrong type.
            if (!datagramBound(path)) {
                throw new IOException(path + ": cannot tell whether something listens there (" + e.getMessage()
                        + "); remove the file if it is stale", e);
            }
        }
        throw new IOException(path + ": something already listens there; stop it or choose another path");
    }

    /** Whether a datagram socket is bound at {@code path}: one can connect to it. */
    private static boolean datagramBound(Path path) {
        try (AFUNIXDatagramSocket probe = AFUNIXDatagramSocket.newInstance()) {
            probe.connect(AFUNIXSocketAddress.of(path));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A server socket on a duplicate of {@code bound}'s descriptor, not watching any path. */
    private static AFUNIXServerSocket untie(AFUNIXServerSocket bound) throws IOException {
        AFUNIXServerSocket server = FileDescriptorCast.duplicating(bound.getFileDescriptor())
                .as(AFUNIXServerSocket.class);
        server.setDeleteOnClose(false);
        return server;
    }

    /** A hidden name: a dot and random letters and digits, as long as the config leaves room for. */
    private static String stagingName() {
        StringBuilder name = new StringBuilder(".");
        for (int i = 1; i < SocketboxConfig.STAGING_DIRECTORY_LENGTH; i++) {
            name.append(NAME_CHARACTERS.charAt(RANDOM.nextInt(NAME_CHARACTERS.length())));
        }
        return name.toString();
    }

    private static Object key(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.io.IOException;
import java.util.Optional;

/**
 * A Unix-domain socket, owned by the runtime, over which another process passes descriptors
 * with {@code SCM_RIGHTS}: a connected stream socket, or a bound datagram socket that any
 * process allowed by its file's mode may send to. Made by {@link Network#adoptPassingSocket}.
 *
 * <p>The runtime reads with a control buffer large enough for the most descriptors the kernel
 * lets one message carry, so a descriptor that reached urelay is never lost: every one is in
 * the {@link PassedMessage} returned, for the caller to adopt or {@link #discard}.
 *
 * <p>Threads: one thread receives, parking (a virtual thread does not pin its carrier); any
 * thread may {@link #shutdown()}; the receiving thread alone closes, after its last receive.
 */
public interface PassingSocket extends AutoCloseable {

    /** At most this many data bytes of one message are read; the rest of a datagram is cut off. */
    int MAX_DATA = 256;

    /**
     * Waits for the next message.
     *
     * @return the message, or empty once a stream sender has closed its end, or after
     *         {@link #shutdown()}
     * @throws IOException if reading fails; the socket is of no further use
     */
    Optional<PassedMessage> receive() throws IOException;

    /** Closes a descriptor this socket received that the caller will not adopt. */
    void discard(int descriptor);

    /** Wakes a waiting {@link #receive()}, which returns empty from then on. Any thread. */
    void shutdown();

    /** Closes the socket. Only the receiving thread, once it is done receiving. */
    @Override
    void close();
}

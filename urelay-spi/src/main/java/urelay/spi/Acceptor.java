// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.io.IOException;

/**
 * One stream of incoming client connections, such as a listening socket. The runtime calls
 * {@link #accept()} in a loop on a virtual thread of its own, and closes the acceptor on
 * shutdown.
 */
public interface Acceptor extends AutoCloseable {

    /**
     * Waits for the next client connection.
     *
     * @throws java.nio.channels.ClosedChannelException once the acceptor is closed, also when
     *                     {@link #close()} is called while waiting; the runtime then stops
     *                     accepting from it
     * @throws IOException if accepting failed; the runtime logs it and tries again after a
     *                     short pause
     */
    ClientConnection accept() throws IOException;

    /** Where connections come from, for logs: for example {@code [::]:80 in /run/netns/lab}. */
    String description();

    @Override
    void close();
}

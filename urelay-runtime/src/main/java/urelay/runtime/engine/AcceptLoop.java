// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import urelay.runtime.linux.Errno;
import urelay.runtime.linux.NativeException;
import urelay.spi.Acceptor;
import urelay.spi.ClientConnection;

/**
 * Accepts from one acceptor until it is closed and starts a virtual thread per connection.
 * Out of descriptors, it pauses (growing from 50 ms to 1 s) instead of spinning, so a flood
 * slows accepting down while connections already relayed go on.
 */
final class AcceptLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger("urelay.accept");
    private static final long MIN_PAUSE_MS = 50;
    private static final long MAX_PAUSE_MS = 1000;

    private final String listener;
    private final Acceptor acceptor;
    private final ConnectionHandler handler;
    private final OpenConnections count;

    AcceptLoop(String listener, Acceptor acceptor, ConnectionHandler handler, OpenConnections count) {
        this.listener = listener;
        this.acceptor = acceptor;
        this.handler = handler;
        this.count = count;
    }

    @Override
    public void run() {
        long pause = 0;
        while (true) {
            ClientConnection client;
            try {
                client = acceptor.accept();
                pause = 0;
            } catch (IOException e) {
                if (e instanceof ClosedChannelException
                        || e instanceof NativeException n && n.errno() == Errno.EBADF) {
                    LOG.log(DEBUG, "accept loop ends listener=" + listener);
                    return;
                }
                pause = pause == 0 ? MIN_PAUSE_MS : Math.min(pause * 2, MAX_PAUSE_MS);
                LOG.log(WARNING, "accept failed listener=" + listener + " pause_ms=" + pause
                        + " error=\"" + e.getMessage() + "\"");
                sleep(pause);
                continue;
            }
            Thread thread = Thread.ofVirtual().name("urelay-conn").unstarted(() -> {
                try {
                    handler.handle(client);
                } finally {
                    count.closed(Thread.currentThread());
                }
            });
            count.opened(thread);
            thread.start();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

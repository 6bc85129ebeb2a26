// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where a listener's client connections come from. */
public interface Source {

    /**
     * Opens the acceptors, through {@link PluginContext#network()}. Called once, before any
     * connection is accepted; a failure here stops urelay from starting.
     *
     * @return one acceptor per socket or channel; the runtime accepts from each and closes
     *         them on shutdown
     * @throws IOException naming what could not be opened
     */
    List<Acceptor> open() throws IOException;

    /**
     * The listening sockets {@link #open()} will ask for, known from the config alone. The
     * runtime compares them across listeners while it checks a config, so two listeners (or
     * two ports of one) that would take the same address and port in the same namespace are
     * reported before anything opens. Called on a created source, never after {@code open}.
     *
     * @return the requests, in the order {@code open} makes them; the default, empty, suits
     *         sources that listen on nothing the runtime could compare (inherited sockets,
     *         Unix sockets)
     */
    default List<ListenRequest> listenRequests() {
        return List.of();
    }

    /**
     * The Unix socket files {@link #open()} will bind, known from the config alone, compared
     * across listeners like {@link #listenRequests()}: two listeners that would bind one file
     * are reported while the config is checked. Called on a created source, never after
     * {@code open}.
     *
     * @return absolute paths; the default, empty, suits sources that bind no Unix socket
     */
    default List<Path> socketFiles() {
        return List.of();
    }
}

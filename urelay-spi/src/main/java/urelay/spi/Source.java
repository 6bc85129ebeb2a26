// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.io.IOException;
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
}

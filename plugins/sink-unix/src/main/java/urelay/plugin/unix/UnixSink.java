// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.unix;

import urelay.spi.ClientConnection;
import urelay.spi.ConnectFailedException;
import urelay.spi.Destination;
import urelay.spi.Network;
import urelay.spi.Outcome;
import urelay.spi.Sink;
import urelay.spi.SinkResult;
import urelay.spi.UnixDestination;

/**
 * Connects each connection to a Unix socket. A Unix destination is connected to as it is;
 * any other goes to the configured path, filled in from the destination when it is a template.
 */
final class UnixSink implements Sink {

    private final PathTemplate template;
    private final UnixConfig config;
    private final Network network;

    UnixSink(PathTemplate template, UnixConfig config, Network network) {
        this.template = template;
        this.config = config;
        this.network = network;
    }

    @Override
    public SinkResult connect(Destination destination, ClientConnection client) {
        UnixDestination target;
        try {
            target = template.expand(destination);
        } catch (IllegalArgumentException e) {
            return new SinkResult.Failed(Outcome.ERROR, e.getMessage());
        }
        try {
            return new SinkResult.Connected(network.connect(target, config.connectTimeout()), target.text());
        } catch (ConnectFailedException e) {
            return e.toResult();
        }
    }
}

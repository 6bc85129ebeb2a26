// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import urelay.spi.Capture;
import urelay.spi.ClientConnection;
import urelay.spi.Network;

/**
 * Where passed descriptors become connections: the runtime adopts each, and the connection
 * waits in the {@link Handoff} for the accept loop. Any thread.
 */
final class Intake implements Delivery.Target {

    private final Network network;
    private final Capture capture;
    private final Handoff handoff;
    private final String path;
    private final WarningLimit warnings = new WarningLimit();

    Intake(Network network, Capture capture, Handoff handoff, String path) {
        this.network = network;
        this.capture = capture;
        this.handoff = handoff;
        this.path = path;
    }

    @Override
    public Delivery.Adoption adopt(int fd) {
        ClientConnection connection;
        try {
            connection = network.adoptConnection(fd, capture);
        } catch (IllegalArgumentException e) {
            return new Delivery.Adoption.WrongKind(e.getMessage());
        } catch (IOException e) {
            return new Delivery.Adoption.Lost(e.getMessage());
        }
        try {
            handoff.put(connection);
            return new Delivery.Adoption.Queued();
        } catch (ClosedChannelException | InterruptedException e) {
            connection.close();
            return new Delivery.Adoption.Closing();
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void warn(String line) {
        warnings.warn(line);
    }
}

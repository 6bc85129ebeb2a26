// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import urelay.spi.PassedMessage;
import urelay.spi.PassingSocket;

/**
 * The datagram socket every sender sends to, as socketbox's own server does: each datagram
 * carries accepted TCP connections. Runs on a thread of its own, which alone closes the socket;
 * another thread may only {@link #stop()} it.
 *
 * <p>A datagram that breaks the protocol is dropped (its descriptors closed) and logged with the
 * sending process; there is no connection to cut off, so the next datagram is taken as usual.
 * The warnings go through the source's {@link WarningLimit}.
 */
final class DatagramReceiver implements Runnable {

    private static final System.Logger LOG = System.getLogger("urelay.socketbox");

    private final PassingSocket socket;
    private final Delivery.Target target;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private long passed;

    /** @param socket the bound datagram socket, which this receiver owns from now on */
    DatagramReceiver(PassingSocket socket, Delivery.Target target) {
        this.socket = socket;
        this.target = target;
    }

    @Override
    public void run() {
        try (socket) {
            while (true) {
                Optional<PassedMessage> message = socket.receive();
                if (message.isEmpty()) {
                    break;
                }
                if (!deliver(message.get())) {
                    break;
                }
            }
            LOG.log(DEBUG, "datagram socket closed path=" + target.path() + " passed=" + passed);
        } catch (IOException | RuntimeException e) {
            if (!stopped.get()) {
                LOG.log(ERROR, "no more connections are taken path=" + target.path() + " passed=" + passed
                        + " error=\"" + (e instanceof IOException ? e.getMessage() : e.toString()) + "\"");
            }
        }
    }

    /** Wakes the receiving thread, which then closes the socket. Any thread. */
    void stop() {
        stopped.set(true);
        socket.shutdown();
    }

    /** Delivers one datagram; false once the source is closing. */
    private boolean deliver(PassedMessage message) {
        String peer = message.sender()
                .map(sender -> "sender_pid=" + sender.pid() + " sender_uid=" + sender.uid())
                .orElse("sender_pid=- sender_uid=-");
        return switch (Delivery.deliver(message, socket, target, peer)) {
            case Delivery.Result.Delivered delivered -> {
                passed += delivered.queued();
                yield true;
            }
            case Delivery.Result.Refused refused -> {
                target.warn("datagram refused path=" + target.path() + " " + peer + " closed_descriptors="
                        + refused.closedDescriptors() + " reason=\"" + refused.reason() + "\"");
                yield true;
            }
            case Delivery.Result.Stopped s -> false;
        };
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import urelay.spi.PassedMessage;
import urelay.spi.PassingSocket;

/**
 * Takes one passed message apart: checks it, and hands each TCP connection it carries to the
 * runtime in the order passed. The same for stream and datagram senders; what a refusal costs
 * the sender is theirs to decide.
 *
 * <p>A message is one or more zero bytes with an {@code SCM_RIGHTS} record of accepted TCP
 * connections. Anything else in it is the sender's mistake: the descriptors not yet handed
 * over are closed. A connection whose client is already gone is dropped alone.
 */
final class Delivery {

    private Delivery() {
    }

    /** Where passed connections go. */
    interface Target {

        /** Adopts a passed descriptor and queues the connection for the runtime's accept loop. */
        Adoption adopt(int fd);

        /** The source's path, for logs. */
        String path();

        /** Logs a warning a sender caused, through the source's {@link WarningLimit}. */
        void warn(String line);
    }

    /** What became of one passed descriptor; in every case but {@link Queued}, it is closed. */
    sealed interface Adoption {

        /** The runtime took it and it is queued for the accept loop. */
        record Queued() implements Adoption {
        }

        /** A TCP connection that could not be taken over; only it is lost. */
        record Lost(String reason) implements Adoption {
        }

        /** Not a TCP connection at all: the sender made a mistake. */
        record WrongKind(String reason) implements Adoption {
        }

        /** The source is closing. */
        record Closing() implements Adoption {
        }
    }

    /** What came of one message. */
    sealed interface Result {

        /** Taken apart; {@code queued} connections went to the runtime. */
        record Delivered(int queued) implements Result {
        }

        /** The sender broke the protocol; {@code closedDescriptors} of the message were closed. */
        record Refused(String reason, int closedDescriptors) implements Result {
        }

        /** The source is closing; what was left of the message is closed. */
        record Stopped() implements Result {
        }
    }

    /**
     * Delivers {@code message}, read from {@code socket}, to {@code target}; {@code peer} names
     * the sender in logs.
     */
    static Result deliver(PassedMessage message, PassingSocket socket, Target target, String peer) {
        int[] descriptors = message.descriptors();
        if (message.descriptorsTruncated()) {
            // The runtime reads with room for all a message can carry, so the kernel cut it
            // short for want of descriptors (or for control data nobody asked for); it closed
            // the ones that did not fit. The ones that arrived are still good connections.
            target.warn("passed connections lost path=" + target.path() + " " + peer + " arrived="
                    + descriptors.length + " reason=\"the message was cut short; urelay may be out of descriptors\"");
        }
        String mistake = mistake(message);
        if (mistake != null) {
            discardFrom(socket, descriptors, 0);
            return new Result.Refused(mistake, descriptors.length);
        }
        int queued = 0;
        for (int i = 0; i < descriptors.length; i++) {
            switch (target.adopt(descriptors[i])) {
                case Adoption.Queued q -> queued++;
                case Adoption.Lost lost -> target.warn("passed connection dropped path=" + target.path() + " "
                        + peer + " error=\"" + lost.reason() + "\"");
                case Adoption.WrongKind wrong -> {
                    return new Result.Refused(wrong.reason(), 1 + discardFrom(socket, descriptors, i + 1));
                }
                case Adoption.Closing closing -> {
                    discardFrom(socket, descriptors, i + 1);
                    return new Result.Stopped();
                }
            }
        }
        return new Result.Delivered(queued);
    }

    /** What is wrong with the message as a whole, or null. */
    private static String mistake(PassedMessage message) {
        if (message.dataTruncated()) {
            return "sent a message of more than " + PassingSocket.MAX_DATA + " bytes";
        }
        for (byte b : message.data()) {
            if (b != 0) {
                return "sent a byte other than zero";
            }
        }
        return null;
    }

    /** Closes {@code descriptors} from index {@code from} on and returns how many that was. */
    private static int discardFrom(PassingSocket socket, int[] descriptors, int from) {
        for (int i = from; i < descriptors.length; i++) {
            socket.discard(descriptors[i]);
        }
        return Math.max(0, descriptors.length - from);
    }
}

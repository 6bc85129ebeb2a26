// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.util.Arrays;
import java.util.Optional;

/**
 * One message read from a {@link PassingSocket}.
 *
 * @param data                 the message's bytes, at most {@link PassingSocket#MAX_DATA}
 * @param descriptors          the descriptors it carried, open in urelay from now on: the
 *                             caller owns each and must adopt it (such as with
 *                             {@link Network#adoptConnection}) or
 *                             {@link PassingSocket#discard} it
 * @param dataTruncated        whether a datagram held more bytes than were read
 * @param descriptorsTruncated whether the kernel dropped control data for want of room (it
 *                             closes the descriptors that did not fit); the ones that did fit
 *                             are in {@code descriptors}
 * @param sender               the sending process as the kernel saw it, when it told (it does
 *                             for datagram sockets)
 */
public record PassedMessage(byte[] data, int[] descriptors, boolean dataTruncated, boolean descriptorsTruncated,
        Optional<Sender> sender) {

    public PassedMessage {
        data = data.clone();
        descriptors = descriptors.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int[] descriptors() {
        return descriptors.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PassedMessage that && Arrays.equals(data, that.data)
                && Arrays.equals(descriptors, that.descriptors) && dataTruncated == that.dataTruncated
                && descriptorsTruncated == that.descriptorsTruncated && sender.equals(that.sender);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Arrays.hashCode(descriptors);
    }

    @Override
    public String toString() {
        return "PassedMessage[data=" + data.length + " bytes, descriptors=" + Arrays.toString(descriptors)
                + ", dataTruncated=" + dataTruncated + ", descriptorsTruncated=" + descriptorsTruncated
                + ", sender=" + sender + "]";
    }

    /** The process that sent a message: {@code SCM_CREDENTIALS}. */
    public record Sender(int pid, int uid, int gid) {
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import urelay.spi.PassedMessage;
import urelay.spi.PassingSocket;

/**
 * A Unix stream or datagram socket that descriptors are passed over, read with
 * {@code recvmsg}. Non-blocking: a receive parks on the {@link Poller}. Owns its descriptor.
 *
 * <p>The control buffer has room for the most descriptors the kernel puts in one message
 * ({@code SCM_MAX_FD}, 253) and a credentials record besides, so the kernel never has to cut
 * control data; should it still do so, the descriptors that did fit are returned all the same.
 * (A smaller buffer is how descriptors get lost: the kernel installs those that fit, and a
 * reader that gives up on a truncated message never learns their numbers.)
 */
final class PassingUnixSocket implements PassingSocket {

    /** {@code SCM_MAX_FD} in the kernel's include/net/scm.h. */
    private static final int MAX_DESCRIPTORS = 253;
    private static final int CMSG_HEADER = 16;
    /** Room for one full {@code SCM_RIGHTS} record and one {@code SCM_CREDENTIALS} record. */
    private static final int CONTROL_SIZE = space(MAX_DESCRIPTORS * Integer.BYTES) + space(3 * Integer.BYTES);
    // struct msghdr and struct iovec on 64-bit Linux.
    private static final int MSGHDR_SIZE = 56;
    private static final int IOVEC_SIZE = 16;
    private static final long MSG_IOV = 16;
    private static final long MSG_IOVLEN = 24;
    private static final long MSG_CONTROL = 32;
    private static final long MSG_CONTROLLEN = 40;
    private static final long MSG_FLAGS = 48;

    private final int fd;
    private final boolean datagram;
    private final Poller poller;
    private final Readiness readiness;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MemorySegment header;
    private final MemorySegment data;
    private final MemorySegment control;

    private PassingUnixSocket(int fd, boolean datagram, Poller poller) throws NativeException {
        this.fd = fd;
        this.datagram = datagram;
        this.poller = poller;
        Arena arena = Arena.ofAuto();
        this.header = arena.allocate(MSGHDR_SIZE, 8);
        this.data = arena.allocate(MAX_DATA);
        this.control = arena.allocate(CONTROL_SIZE, 8);
        MemorySegment iovec = arena.allocate(IOVEC_SIZE, 8);
        iovec.set(ADDRESS, 0, data);
        iovec.set(JAVA_LONG, 8, MAX_DATA);
        header.set(ADDRESS, MSG_IOV, iovec);
        header.set(JAVA_LONG, MSG_IOVLEN, 1);
        header.set(ADDRESS, MSG_CONTROL, control);
        this.readiness = poller.register(fd);
    }

    /**
     * Takes over {@code fd}: checks it is a Unix stream connection or datagram socket, makes it
     * non-blocking, and for a datagram socket asks for each sender's credentials. Closes
     * {@code fd} if any of that fails.
     */
    static PassingUnixSocket adopt(int fd, Poller poller) throws IOException {
        try {
            boolean datagram = checkKind(fd);
            Sockets.makeNonBlockingAndCloseOnExec(fd);
            if (datagram) {
                Sockets.setInt(fd, Libc.SOL_SOCKET, Libc.SO_PASSCRED, 1, "SO_PASSCRED");
            }
            return new PassingUnixSocket(fd, datagram, poller);
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** Whether {@code fd} is a datagram socket; refuses anything but a Unix stream connection or datagram socket. */
    private static boolean checkKind(int fd) throws NativeException {
        Sockets.Kind kind = Sockets.kind(fd);
        if (kind.family() != Libc.AF_UNIX || kind.type() != Libc.SOCK_STREAM && kind.type() != Libc.SOCK_DGRAM) {
            throw new IllegalArgumentException("descriptor " + fd + " is not a Unix stream or datagram socket ("
                    + kind.text() + ")");
        }
        if (kind.listening()) {
            throw new IllegalArgumentException("descriptor " + fd + " is a listening socket, not a connection");
        }
        return kind.type() == Libc.SOCK_DGRAM;
    }

    @Override
    public Optional<PassedMessage> receive() throws IOException {
        while (!readiness.aborted()) {
            int token = readiness.readToken();
            header.set(JAVA_LONG, MSG_CONTROLLEN, CONTROL_SIZE);
            header.set(JAVA_INT, MSG_FLAGS, 0);
            long count = Libc.recvmsg(fd, header, Libc.MSG_CMSG_CLOEXEC);
            if (count >= 0) {
                PassedMessage message = message((int) count);
                // A stream's end reads as zero bytes; a datagram of zero bytes is a message.
                boolean end = !datagram && count == 0 && message.descriptors().length == 0;
                return end ? Optional.empty() : Optional.of(message);
            }
            int errno = Libc.errno();
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno != Errno.EAGAIN) {
                throw new NativeException("recvmsg", errno);
            }
            readiness.awaitReadable(token, 0);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("recvmsg: interrupted");
            }
        }
        return Optional.empty();
    }

    /** The message {@code recvmsg} just read: its bytes, and what its control data held. */
    private PassedMessage message(int count) {
        int flags = header.get(JAVA_INT, MSG_FLAGS);
        long length = Math.min(header.get(JAVA_LONG, MSG_CONTROLLEN), CONTROL_SIZE);
        int[] descriptors = new int[0];
        Optional<PassedMessage.Sender> sender = Optional.empty();
        long at = 0;
        while (at + CMSG_HEADER <= length) {
            long recordLength = control.get(JAVA_LONG, at);
            if (recordLength < CMSG_HEADER || at + recordLength > length) {
                break;
            }
            int level = control.get(JAVA_INT, at + 8);
            int type = control.get(JAVA_INT, at + 12);
            int payload = (int) (recordLength - CMSG_HEADER);
            if (level == Libc.SOL_SOCKET && type == Libc.SCM_RIGHTS) {
                int[] more = control.asSlice(at + CMSG_HEADER, payload / 4 * 4L).toArray(JAVA_INT);
                descriptors = concat(descriptors, more);
            } else if (level == Libc.SOL_SOCKET && type == Libc.SCM_CREDENTIALS && payload >= 12) {
                long at0 = at + CMSG_HEADER;
                sender = Optional.of(new PassedMessage.Sender(control.get(JAVA_INT, at0),
                        control.get(JAVA_INT, at0 + 4), control.get(JAVA_INT, at0 + 8)));
            }
            at += recordLength + 7 & ~7L;
        }
        byte[] bytes = data.asSlice(0, Math.min(count, MAX_DATA)).toArray(ValueLayout.JAVA_BYTE);
        return new PassedMessage(bytes, descriptors, (flags & Libc.MSG_TRUNC) != 0, (flags & Libc.MSG_CTRUNC) != 0,
                sender);
    }

    private static int[] concat(int[] first, int[] second) {
        int[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Override
    public void discard(int descriptor) {
        Libc.close(descriptor);
    }

    @Override
    public void shutdown() {
        readiness.abort();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            poller.deregister(readiness);
            Libc.close(fd);
        }
    }

    /** {@code CMSG_SPACE}: a control record's header and payload, padded to 8 bytes. */
    private static int space(int payload) {
        return CMSG_HEADER + (payload + 7 & ~7);
    }
}

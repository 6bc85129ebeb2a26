// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import urelay.spi.ByteStream;

/**
 * A connected, non-blocking TCP socket owned by the runtime. Reads and writes park the calling
 * virtual thread on the {@link Poller} instead of blocking. Owns its descriptor and closes it
 * once, in {@link #close()} or {@link #reset()}.
 *
 * <p>Closing while another thread is inside a call on the same socket would let a reused
 * descriptor number be read by mistake; the relay therefore closes a socket only after both
 * of its direction threads have finished, and wakes them with {@link #abortWaits()} first.
 */
public class LinuxSocket implements ByteStream {

    private static final int SCRATCH_SIZE = 64 * 1024;
    private static final ThreadLocal<MemorySegment> SCRATCH =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(SCRATCH_SIZE));

    private final int fd;
    private final Poller poller;
    private final Readiness readiness;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** How long one read or write may wait; 0 for no bound. Set by the thread using the socket. */
    private volatile long timeoutNanos;

    LinuxSocket(int fd, Poller poller) throws NativeException {
        this.fd = fd;
        this.poller = poller;
        this.readiness = poller.register(fd);
    }

    /** The descriptor, for the relay's {@code splice} path. */
    public int fd() {
        return fd;
    }

    /** The poller's view of this socket, for the relay's own waiting. */
    public Readiness readiness() {
        return readiness;
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        if (!buffer.hasRemaining()) {
            return 0;
        }
        boolean direct = buffer.isDirect();
        MemorySegment target = direct ? MemorySegment.ofBuffer(buffer) : SCRATCH.get();
        long length = Math.min(buffer.remaining(), target.byteSize());
        while (true) {
            int token = readiness.readToken();
            long n = Libc.read(fd, target, length);
            if (n > 0) {
                if (!direct) {
                    buffer.put(target.asSlice(0, n).asByteBuffer());
                } else {
                    buffer.position(buffer.position() + (int) n);
                }
                return (int) n;
            }
            if (n == 0) {
                return -1;
            }
            awaitOrThrow(true, token, "read");
        }
    }

    @Override
    public void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            MemorySegment source;
            if (buffer.isDirect()) {
                source = MemorySegment.ofBuffer(buffer);
            } else {
                source = SCRATCH.get();
                int chunk = (int) Math.min(buffer.remaining(), source.byteSize());
                MemorySegment.copy(MemorySegment.ofBuffer(buffer), 0, source, 0, chunk);
                source = source.asSlice(0, chunk);
            }
            int token = readiness.writeToken();
            long n = Libc.write(fd, source, source.byteSize());
            if (n >= 0) {
                buffer.position(buffer.position() + (int) n);
            } else {
                awaitOrThrow(false, token, "write");
            }
        }
    }

    private void awaitOrThrow(boolean reading, int token, String call) throws IOException {
        int errno = Libc.errno();
        if (errno != Errno.EAGAIN && errno != Errno.EINTR) {
            throw new NativeException(call, errno);
        }
        if (readiness.aborted()) {
            throw new NativeException(call, Errno.EBADF);
        }
        long bound = timeoutNanos;
        long deadline = bound == 0 ? 0 : System.nanoTime() + bound;
        boolean ready = reading ? readiness.awaitReadable(token, deadline) : readiness.awaitWritable(token, deadline);
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException(call + ": interrupted");
        }
        if (!ready) {
            throw new SocketTimeoutException(call + ": nothing happened within " + bound / 1_000_000 + " ms");
        }
    }

    @Override
    public void timeout(Duration timeout) {
        timeoutNanos = timeout.toNanos();
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (Libc.shutdown(fd, Libc.SHUT_WR) < 0 && Libc.errno() != Errno.ENOTCONN) {
            throw new NativeException("shutdown", Libc.errno());
        }
    }

    /** Wakes any thread parked on this socket for good, so it can see the connection is over. */
    public void abortWaits() {
        readiness.abort();
    }

    /** Makes the coming close send a reset instead of a FIN. */
    public void lingerZero() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment linger = arena.allocate(8);
            linger.set(JAVA_INT, 0, 1);
            linger.set(JAVA_INT, 4, 0);
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_LINGER, linger, 8);
        }
    }

    @Override
    public void reset() {
        if (!closed.get()) {
            lingerZero();
        }
        close();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            poller.deregister(readiness);
            Libc.close(fd);
        }
    }
}

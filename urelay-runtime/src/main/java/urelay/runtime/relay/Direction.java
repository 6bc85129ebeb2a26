// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.relay;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import urelay.runtime.linux.Errno;
import urelay.runtime.linux.Libc;
import urelay.runtime.linux.LinuxSocket;
import urelay.runtime.linux.NativeException;
import urelay.spi.ByteStream;

/**
 * Moves bytes one way, from a source stream to a target stream, until the source ends or
 * the connection is cut. Between two runtime sockets it uses {@code splice} through a pooled
 * pipe; otherwise it copies through a buffer. Runs on one virtual thread; its byte count is
 * read by the relay after that thread has finished.
 */
final class Direction {

    private static final long CHUNK = 1 << 20;
    private static final int SPLICE_FLAGS = Libc.SPLICE_F_MOVE | Libc.SPLICE_F_NONBLOCK;
    private static final int COPY_BUFFER = 64 * 1024;
    private static final long PIPE_RETRY_MS = 50;

    private final ByteStream source;
    private final ByteStream target;
    private final RelaySession session;
    private final PipePool pipes;
    private long bytes;

    Direction(ByteStream source, ByteStream target, RelaySession session, PipePool pipes) {
        this.source = source;
        this.target = target;
        this.session = session;
        this.pipes = pipes;
    }

    long bytes() {
        return bytes;
    }

    /** Relays until the end, then says how it ended; never throws. */
    End run() {
        try {
            if (source instanceof LinuxSocket from && target instanceof LinuxSocket to) {
                return splice(from, to);
            }
            return copy();
        } catch (NativeException e) {
            return new End(End.Kind.FAILED, e.errnoName());
        }
    }

    private End splice(LinuxSocket from, LinuxSocket to) throws NativeException {
        while (!session.aborted()) {
            int token = from.readiness().readToken();
            Pipe pipe = acquirePipe();
            if (pipe == null) {
                return session.aborted() ? End.ABORTED : End.IDLE;
            }
            long n = Libc.splice(from.fd(), pipe.writeFd(), CHUNK, SPLICE_FLAGS);
            if (n > 0) {
                session.touch();
                End end = drain(pipe, n, to);
                if (end != null) {
                    return end;
                }
                continue;
            }
            int errno = n == 0 ? 0 : Libc.errno();
            pipes.release(pipe, true);
            if (n == 0) {
                return passOnEof();
            }
            if (errno != Errno.EAGAIN && errno != Errno.EINTR) {
                return sourceFailure(errno);
            }
            if (!session.awaitReadable(from, token)) {
                return End.IDLE;
            }
        }
        return End.ABORTED;
    }

    /**
     * A pipe for the next burst. Out of descriptors, the connection waits for one (50 ms at a
     * time) instead of failing: connections already relayed must outlive a flood of new ones.
     *
     * @return the pipe, or null if the connection was cut or went idle while waiting
     */
    private Pipe acquirePipe() throws NativeException {
        while (true) {
            try {
                return pipes.acquire();
            } catch (NativeException e) {
                if (e.errno() != Errno.EMFILE && e.errno() != Errno.ENFILE) {
                    throw e;
                }
            }
            if (session.aborted() || session.idleExpired()) {
                return null;
            }
            try {
                Thread.sleep(PIPE_RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Splices {@code left} bytes out of {@code pipe} into the target; gives the pipe back. */
    private End drain(Pipe pipe, long left, LinuxSocket to) {
        while (left > 0) {
            int token = to.readiness().writeToken();
            long n = Libc.splice(pipe.readFd(), to.fd(), left, SPLICE_FLAGS);
            if (n > 0) {
                left -= n;
                // Counted once passed on: bytes still in the pipe when the target fails never arrived.
                bytes += n;
                session.touch();
                continue;
            }
            int errno = Libc.errno();
            if (errno != Errno.EAGAIN && errno != Errno.EINTR) {
                pipes.release(pipe, false);
                return targetFailure(errno);
            }
            if (session.aborted()) {
                pipes.release(pipe, false);
                return End.ABORTED;
            }
            if (!session.awaitWritable(to, token)) {
                pipes.release(pipe, false);
                return End.IDLE;
            }
        }
        pipes.release(pipe, true);
        return null;
    }

    // TODO: a plugin stream that keeps ByteStream.timeout's default (unsupported) gets no idle
    // timeout when it is the source: its read cannot be bounded, so if it goes silent the
    // direction waits until a side closes or the other direction cuts the connection. Runtime
    // sockets, and plugin streams that implement timeout, honour the idle timeout here.
    private End copy() {
        boolean bounded = boundReadsByIdleTimeout();
        ByteBuffer buffer = ByteBuffer.allocateDirect(COPY_BUFFER);
        while (!session.aborted()) {
            buffer.clear();
            int n;
            try {
                n = source.read(buffer);
            } catch (SocketTimeoutException e) {
                if (bounded && session.idleExpired()) {
                    return End.IDLE;
                }
                continue; // the other direction kept the connection alive meanwhile
            } catch (IOException e) {
                return session.aborted() ? End.ABORTED : sourceFailure(errno(e));
            }
            if (n < 0) {
                return passOnEof();
            }
            buffer.flip();
            End end = writeAll(buffer);
            if (end != null) {
                return end;
            }
            bytes += n;
            session.touch();
        }
        return End.ABORTED;
    }

    /**
     * Writes the whole buffer to the target. A runtime socket as target may carry the bound the
     * other direction set for its reads; running into it is idleness, not a failure.
     *
     * @return null once written, else how the direction ends
     */
    private End writeAll(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            try {
                target.write(buffer);
            } catch (SocketTimeoutException e) {
                if (session.idleExpired()) {
                    return End.IDLE;
                }
            } catch (IOException e) {
                return session.aborted() ? End.ABORTED : targetFailure(errno(e));
            }
        }
        return null;
    }

    /** Bounds each read of the source by the idle timeout, if there is one and the source can. */
    private boolean boundReadsByIdleTimeout() {
        Duration idle = session.idleTimeout();
        if (idle.isZero()) {
            return false;
        }
        try {
            source.timeout(idle);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private End passOnEof() {
        try {
            target.shutdownOutput();
            return End.EOF;
        } catch (IOException e) {
            return targetFailure(errno(e));
        }
    }

    private static int errno(IOException e) {
        return e instanceof NativeException n ? n.errno() : Errno.ECONNRESET;
    }

    private static End sourceFailure(int errno) {
        boolean reset = errno == Errno.ECONNRESET || errno == Errno.ECONNABORTED || errno == Errno.ETIMEDOUT;
        return new End(reset ? End.Kind.SOURCE_RESET : End.Kind.FAILED, Errno.name(errno));
    }

    private static End targetFailure(int errno) {
        boolean reset = errno == Errno.ECONNRESET || errno == Errno.EPIPE || errno == Errno.ENOTCONN;
        return new End(reset ? End.Kind.TARGET_RESET : End.Kind.FAILED, Errno.name(errno));
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Downcalls into the C library for the Linux calls the JDK does not offer on its own
 * channels. Every call that can fail captures {@code errno} in a per-thread segment; the
 * wrappers return the raw result and leave the check to the caller, who knows what the call
 * acted on and so can name it in the error. Constants are for x86-64 and aarch64 Linux.
 *
 * <p>Virtual threads: a downcall pins its carrier for its duration, so only non-blocking
 * descriptors are passed here; waiting is done by {@link Poller}.
 */
public final class Libc {

    // sys/socket.h, netinet/in.h, linux/in6.h
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_TYPE = 3;
    public static final int SO_ERROR = 4;
    public static final int SO_LINGER = 13;
    public static final int SO_PASSCRED = 16;
    public static final int SO_ACCEPTCONN = 30;
    public static final int SO_DOMAIN = 39;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_IPV6 = 41;
    public static final int IPV6_V6ONLY = 26;
    public static final int TCP_NODELAY = 1;
    public static final int SO_BINDTODEVICE = 25;
    public static final int SO_MARK = 36;
    public static final int SOL_IP = 0;
    public static final int IP_FREEBIND = 15;
    public static final int IP_TRANSPARENT = 19;
    public static final int IP_BIND_ADDRESS_NO_PORT = 24;
    /** linux/netfilter_ipv4.h; the IPv6 twin IP6T_SO_ORIGINAL_DST has the same number. */
    public static final int SO_ORIGINAL_DST = 80;
    public static final int IPV6_TRANSPARENT = 75;
    public static final int IPV6_FREEBIND = 78;
    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;
    public static final int MSG_CTRUNC = 0x8;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;
    public static final int SCM_RIGHTS = 1;
    public static final int SCM_CREDENTIALS = 2;

    // fcntl.h, sched.h
    public static final int O_RDONLY = 0;
    public static final int O_NOCTTY = 0x100;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int FD_CLOEXEC = 1;
    public static final int CLONE_NEWNET = 0x40000000;

    // linux/stat.h (struct statx has the same layout on every architecture), linux/magic.h
    public static final int AT_EMPTY_PATH = 0x1000;
    public static final int STATX_TYPE = 0x1;
    public static final int STATX_SIZE = 0x200;
    public static final long STATX_BYTES = 256;
    public static final long STATX_MODE_OFFSET = 28;
    public static final long STATX_SIZE_OFFSET = 40;
    public static final int S_IFMT = 0xF000;
    public static final int S_IFREG = 0x8000;
    public static final int S_IFDIR = 0x4000;
    public static final int S_IFIFO = 0x1000;
    public static final int S_IFCHR = 0x2000;
    public static final int S_IFBLK = 0x6000;
    public static final int S_IFSOCK = 0xC000;
    /** sys/statfs.h: room for struct statfs, whose first field (a long) is f_type. */
    public static final long STATFS_BYTES = 120;
    public static final long NSFS_MAGIC = 0x6e736673L;

    // sys/epoll.h
    public static final int EPOLLIN = 0x1;
    public static final int EPOLLOUT = 0x4;
    public static final int EPOLLERR = 0x8;
    public static final int EPOLLHUP = 0x10;
    public static final int EPOLLRDHUP = 0x2000;
    public static final int EPOLLET = 1 << 31;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CLOEXEC = 0x80000;

    // fcntl.h (splice)
    public static final int SPLICE_F_MOVE = 1;
    public static final int SPLICE_F_NONBLOCK = 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    /** One capture segment per thread, freed with the thread (virtual threads included). */
    private static final ThreadLocal<MemorySegment> CAPTURED =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    private static final MethodHandle SOCKET = call("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle BIND = call("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle LISTEN = call("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle ACCEPT4 =
            call("accept4", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final MethodHandle CONNECT = call("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKNAME =
            call("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle GETPEERNAME =
            call("getpeername", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle GETSOCKOPT =
            call("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle SETSOCKOPT =
            call("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SHUTDOWN = call("shutdown", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle CLOSE = call("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle READ = call("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle WRITE = call("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle RECVMSG = call("recvmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SPLICE =
            call("splice", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle PIPE2 = call("pipe2", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle EPOLL_CREATE1 = call("epoll_create1", JAVA_INT, JAVA_INT);
    private static final MethodHandle EPOLL_CTL =
            call("epoll_ctl", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle EPOLL_WAIT =
            call("epoll_wait", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle SETNS = call("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle OPEN = variadic("open", 2, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle FCNTL = variadic("fcntl", 2, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle STATX = call("statx", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
    /** The empty path statx takes with AT_EMPTY_PATH; one byte, allocated once. */
    private static final MemorySegment EMPTY_PATH = Arena.global().allocateFrom("");
    private static final MethodHandle FSTATFS = call("fstatfs", JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle GETIFADDRS = call("getifaddrs", JAVA_INT, ADDRESS);
    private static final MethodHandle FREEIFADDRS = LINKER.downcallHandle(
            LIBC.find("freeifaddrs").orElseThrow(), FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LIBC.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS.withTargetLayout(java.lang.foreign.MemoryLayout.sequenceLayout(
                    256, java.lang.foreign.ValueLayout.JAVA_BYTE)), JAVA_INT));

    private Libc() {
    }

    /** The errno the last failed call on this thread left. */
    public static int errno() {
        return (int) ERRNO.get(CAPTURED.get(), 0L);
    }

    public static int socket(int domain, int type, int protocol) {
        try {
            return (int) SOCKET.invokeExact(CAPTURED.get(), domain, type, protocol);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int bind(int fd, MemorySegment address, int length) {
        try {
            return (int) BIND.invokeExact(CAPTURED.get(), fd, address, length);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int listen(int fd, int backlog) {
        try {
            return (int) LISTEN.invokeExact(CAPTURED.get(), fd, backlog);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int accept4(int fd, MemorySegment address, MemorySegment length, int flags) {
        try {
            return (int) ACCEPT4.invokeExact(CAPTURED.get(), fd, address, length, flags);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int connect(int fd, MemorySegment address, int length) {
        try {
            return (int) CONNECT.invokeExact(CAPTURED.get(), fd, address, length);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int getsockname(int fd, MemorySegment address, MemorySegment length) {
        try {
            return (int) GETSOCKNAME.invokeExact(CAPTURED.get(), fd, address, length);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int getpeername(int fd, MemorySegment address, MemorySegment length) {
        try {
            return (int) GETPEERNAME.invokeExact(CAPTURED.get(), fd, address, length);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int getsockopt(int fd, int level, int name, MemorySegment value, MemorySegment length) {
        try {
            return (int) GETSOCKOPT.invokeExact(CAPTURED.get(), fd, level, name, value, length);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int setsockopt(int fd, int level, int name, MemorySegment value, int length) {
        try {
            return (int) SETSOCKOPT.invokeExact(CAPTURED.get(), fd, level, name, value, length);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int shutdown(int fd, int how) {
        try {
            return (int) SHUTDOWN.invokeExact(CAPTURED.get(), fd, how);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(CAPTURED.get(), fd);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static long read(int fd, MemorySegment buffer, long count) {
        try {
            return (long) READ.invokeExact(CAPTURED.get(), fd, buffer, count);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static long write(int fd, MemorySegment buffer, long count) {
        try {
            return (long) WRITE.invokeExact(CAPTURED.get(), fd, buffer, count);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static long recvmsg(int fd, MemorySegment message, int flags) {
        try {
            return (long) RECVMSG.invokeExact(CAPTURED.get(), fd, message, flags);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static long splice(int in, int out, long length, int flags) {
        try {
            return (long) SPLICE.invokeExact(CAPTURED.get(), in, MemorySegment.NULL, out, MemorySegment.NULL, length, flags);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int pipe2(MemorySegment fds, int flags) {
        try {
            return (int) PIPE2.invokeExact(CAPTURED.get(), fds, flags);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int epollCreate1(int flags) {
        try {
            return (int) EPOLL_CREATE1.invokeExact(CAPTURED.get(), flags);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int epollCtl(int epfd, int op, int fd, MemorySegment event) {
        try {
            return (int) EPOLL_CTL.invokeExact(CAPTURED.get(), epfd, op, fd, event);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int epollWait(int epfd, MemorySegment events, int maxEvents, int timeoutMillis) {
        try {
            return (int) EPOLL_WAIT.invokeExact(CAPTURED.get(), epfd, events, maxEvents, timeoutMillis);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int setns(int fd, int nstype) {
        try {
            return (int) SETNS.invokeExact(CAPTURED.get(), fd, nstype);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int open(MemorySegment path, int flags) {
        try {
            return (int) OPEN.invokeExact(CAPTURED.get(), path, flags, 0);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int fcntl(int fd, int command, int argument) {
        try {
            return (int) FCNTL.invokeExact(CAPTURED.get(), fd, command, argument);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    /** {@code statx(fd, "", AT_EMPTY_PATH, mask, buffer)}: what an open descriptor names. */
    public static int fstatx(int fd, int mask, MemorySegment buffer) {
        try {
            return (int) STATX.invokeExact(CAPTURED.get(), fd, EMPTY_PATH, AT_EMPTY_PATH, mask, buffer);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static int fstatfs(int fd, MemorySegment buffer) {
        try {
            return (int) FSTATFS.invokeExact(CAPTURED.get(), fd, buffer);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    /** Fills {@code head} with a pointer to a list of {@code struct ifaddrs}; free it with {@link #freeifaddrs}. */
    public static int getifaddrs(MemorySegment head) {
        try {
            return (int) GETIFADDRS.invokeExact(CAPTURED.get(), head);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    public static void freeifaddrs(MemorySegment list) {
        try {
            FREEIFADDRS.invokeExact(list);
        } catch (Throwable e) {
            throw linkFailure(e);
        }
    }

    /** The C library's text for an error number. */
    public static String strerror(int errno) {
        try {
            return ((MemorySegment) STRERROR.invokeExact(errno)).getString(0);
        } catch (Throwable e) {
            return "unknown error";
        }
    }

    private static IllegalStateException linkFailure(Throwable e) {
        return new IllegalStateException("native call failed: " + e, e);
    }

    private static MethodHandle call(String name, java.lang.foreign.MemoryLayout result,
            java.lang.foreign.MemoryLayout... arguments) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(),
                FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
    }

    private static MethodHandle variadic(String name, int fixed, java.lang.foreign.MemoryLayout result,
            java.lang.foreign.MemoryLayout... arguments) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(),
                FunctionDescriptor.of(result, arguments),
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(fixed));
    }
}

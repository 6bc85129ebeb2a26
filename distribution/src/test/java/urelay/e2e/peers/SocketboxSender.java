// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A socketbox-style acceptor: accepts TCP connections in the namespace it runs in and passes
 * each over urelay's Unix socket with {@code SCM_RIGHTS}, one zero byte per connection, all
 * over one Unix connection.
 *
 * <p>Usage:
 * <ul>
 * <li>{@code SocketboxSender pass SOCKET PORT COUNT}: listens on {@code [::]:PORT}, connects to
 *     SOCKET, prints {@code ready}, then accepts and passes COUNT connections,
 *     printing {@code passed N} after each, and exits.</li>
 * <li>{@code SocketboxSender garbage SOCKET}: connects to SOCKET, prints ready, passes an open
 *     {@code /dev/null} instead of a socket, and exits 0 once urelay has ended the connection
 *     ({@code cut off}), 1 if it still stands after ten seconds.</li>
 * </ul>
 *
 * <p>The JDK gives no descriptor of its own sockets, so the TCP side is made with FFM, and the
 * accepted descriptor is wrapped for junixsocket with {@link FileDescriptorCast#unsafeUsing}.
 */
@SuppressWarnings("restricted") // FFM is how this peer gets descriptors of its TCP sockets.
public final class SocketboxSender {

    // <sys/socket.h>, <netinet/in.h>, <fcntl.h>
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_V6ONLY = 26;
    private static final int SOCKADDR_IN6_SIZE = 28;

    private static final int CUT_OFF_MILLIS = 10_000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VALUE = STATE.varHandle(PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

    private SocketboxSender() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 4 && args[0].equals("pass")) {
            pass(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 2 && args[0].equals("garbage")) {
            System.exit(garbage(Path.of(args[1])));
        } else {
            System.err.println("usage: SocketboxSender pass SOCKET PORT COUNT | garbage SOCKET");
            System.exit(2);
        }
    }

    private static void pass(Path socket, int port, int count) throws Throwable {
        try (Arena arena = Arena.ofConfined();
                AFUNIXSocket urelay = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            int listener = listen(arena, port);
            System.out.println("ready");

            for (int i = 1; i <= count; i++) {
                int connection = call(arena, "accept4", FunctionDescriptor.of(INT, INT, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, INT), listener, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC);
                FileDescriptor descriptor = FileDescriptorCast.unsafeUsing(connection).as(FileDescriptor.class);
                urelay.setOutboundFileDescriptors(descriptor);
                urelay.getOutputStream().write(0);
                // urelay holds its own copy now; this one would only keep the connection open.
                call(arena, "close", FunctionDescriptor.of(INT, INT), connection);
                System.out.println("passed " + i);
            }
        }
    }

    private static int garbage(Path socket) throws IOException {
        try (AFUNIXSocket urelay = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
                FileInputStream notASocket = new FileInputStream("/dev/null")) {
            urelay.setSoTimeout(CUT_OFF_MILLIS);
            System.out.println("ready");

            urelay.setOutboundFileDescriptors(notASocket.getFD());
            urelay.getOutputStream().write(0);
            try {
                if (urelay.getInputStream().read() < 0) {
                    System.out.println("cut off");
                    return 0;
                }
                System.out.println("urelay sent a byte");
            } catch (SocketTimeoutException e) {
                System.out.println("still connected after " + CUT_OFF_MILLIS + " ms");
            }
            return 1;
        }
    }

    /** A dual-stack TCP socket listening on {@code [::]:port}. */
    private static int listen(Arena arena, int port) throws Throwable {
        int fd = call(arena, "socket", FunctionDescriptor.of(INT, INT, INT, INT), AF_INET6,
                SOCK_STREAM | SOCK_CLOEXEC, 0);
        setIntOption(arena, fd, SOL_SOCKET, SO_REUSEADDR, 1);
        setIntOption(arena, fd, IPPROTO_IPV6, IPV6_V6ONLY, 0);

        MemorySegment address = arena.allocate(SOCKADDR_IN6_SIZE);
        address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET6);
        // sin6_port is in network byte order; sin6_addr stays all zero, the address "::".
        address.set(ValueLayout.JAVA_BYTE, 2, (byte) (port >>> 8));
        address.set(ValueLayout.JAVA_BYTE, 3, (byte) port);
        call(arena, "bind", FunctionDescriptor.of(INT, INT, ValueLayout.ADDRESS, INT), fd, address,
                SOCKADDR_IN6_SIZE);
        call(arena, "listen", FunctionDescriptor.of(INT, INT, INT), fd, 16);
        return fd;
    }

    private static void setIntOption(Arena arena, int fd, int level, int option, int value) throws Throwable {
        call(arena, "setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, ValueLayout.ADDRESS, INT), fd, level,
                option, arena.allocateFrom(INT, value), (int) INT.byteSize());
    }

    /** Calls the libc function {@code name} and throws with its errno if it returns -1. */
    private static int call(Arena arena, String name, FunctionDescriptor descriptor, Object... args)
            throws Throwable {
        MethodHandle function = LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(),
                descriptor, ERRNO);
        MemorySegment state = arena.allocate(STATE);
        Object[] arguments = new Object[args.length + 1];
        arguments[0] = state;
        System.arraycopy(args, 0, arguments, 1, args.length);

        int result = (int) function.invokeWithArguments(arguments);
        if (result < 0) {
            throw new IllegalStateException(name + " failed: errno " + (int) ERRNO_VALUE.get(state, 0L));
        }
        return result;
    }
}

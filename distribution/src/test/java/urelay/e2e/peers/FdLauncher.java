// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands a program an already listening socket the way ctrtool does: the socket is made in
 * another network namespace, left open across exec, and its descriptor number is put in an
 * environment variable.
 *
 * <p>Usage: {@code FdLauncher NETNS PORT VARIABLE PROGRAM [ARGS...]}. On the main (platform)
 * thread it enters {@code NETNS} with setns, makes a dual-stack TCP socket listening on
 * {@code [::]:PORT} without close-on-exec, returns to its own namespace, sets
 * {@code VARIABLE=<descriptor>} and execve's {@code PROGRAM} (an absolute path). The JDK
 * has no call to pass a descriptor to a child, hence FFM; setns changes only the calling
 * thread, so the thread that made the socket is the one that returns and execs.
 */
@SuppressWarnings("restricted") // FFM is the point of this class: it makes and hands over a socket.
public final class FdLauncher {

    // <sched.h>, <fcntl.h>, <sys/socket.h>, <netinet/in.h>
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_V6ONLY = 26;
    private static final int SOCKADDR_IN6_SIZE = 28;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VALUE = STATE.varHandle(PathElement.groupElement("errno"));

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final AddressLayout ADDRESS = ValueLayout.ADDRESS;

    private FdLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 4) {
            System.err.println("usage: FdLauncher NETNS PORT VARIABLE PROGRAM [ARGS...]");
            System.exit(2);
        }
        String netns = args[0];
        int port = Integer.parseInt(args[1]);
        String variable = args[2];
        List<String> program = Arrays.asList(args).subList(3, args.length);

        try (Arena arena = Arena.ofConfined()) {
            int listener = listenInside(arena, netns, port);
            Map<String, String> environment = new TreeMap<>(System.getenv());
            environment.put(variable, Integer.toString(listener));
            execve(arena, program, environment);
        }
    }

    private static int listenInside(Arena arena, String netns, int port) throws Throwable {
        int home = open(arena, "/proc/thread-self/ns/net");
        int target = open(arena, netns);

        call(arena, "setns", target, CLONE_NEWNET);
        int socket = call(arena, "socket", AF_INET6, SOCK_STREAM, 0);
        setIntOption(arena, socket, SOL_SOCKET, SO_REUSEADDR, 1);
        setIntOption(arena, socket, IPPROTO_IPV6, IPV6_V6ONLY, 0);
        bindAny(arena, socket, port);
        call(arena, "listen", socket, 128);
        call(arena, "setns", home, CLONE_NEWNET);

        call(arena, "close", target);
        call(arena, "close", home);
        return socket;
    }

    private static void bindAny(Arena arena, int socket, int port) throws Throwable {
        MemorySegment address = arena.allocate(SOCKADDR_IN6_SIZE);
        address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET6);
        // sin6_port is in network byte order; sin6_addr stays all zero, the address "::".
        address.set(ValueLayout.JAVA_BYTE, 2, (byte) (port >>> 8));
        address.set(ValueLayout.JAVA_BYTE, 3, (byte) port);

        MethodHandle bind = downcall("bind", FunctionDescriptor.of(INT, INT, ADDRESS, INT));
        MemorySegment state = arena.allocate(STATE);
        check("bind", state, (int) bind.invokeExact(state, socket, address, SOCKADDR_IN6_SIZE));
    }

    private static void setIntOption(Arena arena, int socket, int level, int option, int value)
            throws Throwable {
        MethodHandle setsockopt = downcall("setsockopt",
                FunctionDescriptor.of(INT, INT, INT, INT, ADDRESS, INT));
        MemorySegment holder = arena.allocateFrom(INT, value);
        MemorySegment state = arena.allocate(STATE);
        check("setsockopt", state, (int) setsockopt.invokeExact(state, socket, level, option,
                holder, (int) INT.byteSize()));
    }

    private static int open(Arena arena, String path) throws Throwable {
        MethodHandle open = LINKER.downcallHandle(LIBC.find("open").orElseThrow(),
                FunctionDescriptor.of(INT, ADDRESS, INT, INT),
                ERRNO, Linker.Option.firstVariadicArg(2));
        MemorySegment state = arena.allocate(STATE);
        return check("open " + path, state, (int) open.invokeExact(state,
                arena.allocateFrom(path), O_RDONLY | O_CLOEXEC, 0));
    }

    /** Replaces this process with {@code program}; returns only by throwing. */
    private static void execve(Arena arena, List<String> program, Map<String, String> env)
            throws Throwable {
        List<String> pairs = new ArrayList<>();
        env.forEach((key, value) -> pairs.add(key + "=" + value));

        MethodHandle execve = downcall("execve",
                FunctionDescriptor.of(INT, ADDRESS, ADDRESS, ADDRESS));
        MemorySegment state = arena.allocate(STATE);
        check("execve " + program.get(0), state, (int) execve.invokeExact(state,
                arena.allocateFrom(program.get(0)), stringArray(arena, program),
                stringArray(arena, pairs)));
    }

    /** A NULL-terminated {@code char *[]}. */
    private static MemorySegment stringArray(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(strings.get(i)));
        }
        array.setAtIndex(ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }

    /** Calls the libc function {@code int function(int...)} and checks its result. */
    private static int call(Arena arena, String function, int... args) throws Throwable {
        ValueLayout[] parameters = new ValueLayout[args.length];
        Arrays.fill(parameters, INT);
        MethodHandle handle = downcall(function, FunctionDescriptor.of(INT, parameters));

        MemorySegment state = arena.allocate(STATE);
        List<Object> arguments = new ArrayList<>(List.of(state));
        for (int arg : args) {
            arguments.add(arg);
        }
        return check(function, state, (int) handle.invokeWithArguments(arguments));
    }

    private static MethodHandle downcall(String function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.find(function).orElseThrow(), descriptor, ERRNO);
    }

    private static String strerror(int errno) {
        MethodHandle strerror = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, INT));
        try {
            MemorySegment text = (MemorySegment) strerror.invokeExact(errno);
            return text.reinterpret(1024).getString(0) + " (errno " + errno + ")";
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }

    private static int check(String what, MemorySegment state, int result) {
        if (result < 0) {
            int errno = (int) ERRNO_VALUE.get(state, 0L);
            throw new IllegalStateException(what + " failed: " + strerror(errno));
        }
        return result;
    }
}

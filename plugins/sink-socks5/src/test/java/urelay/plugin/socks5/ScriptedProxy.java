// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import urelay.spi.IpDestination;

/**
 * Test fixture: a SOCKS5 server on loopback (or a Unix socket) that accepts one connection and
 * plays a script written byte by byte by the test. The script runs on a thread of its own;
 * {@link #awaitScript()} hands its failures to the test thread. Closing stops the script and
 * closes both sockets.
 */
final class ScriptedProxy implements AutoCloseable {

    /** What the server does with the one connection it accepts. */
    @FunctionalInterface
    interface Script {
        void play(Peer client) throws Exception;
    }

    private final ServerSocketChannel listener;
    private final String server;
    private final FutureTask<Void> task;
    private final Thread thread;
    private volatile SocketChannel accepted;

    private ScriptedProxy(ServerSocketChannel listener, String server, Script script) {
        this.listener = listener;
        this.server = server;
        this.task = new FutureTask<>(() -> {
            accepted = listener.accept();
            if (accepted.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            script.play(new Peer(accepted));
            return null;
        });
        this.thread = Thread.ofPlatform().name("scripted-socks5").daemon().start(task);
    }

    /** A server on a loopback address (127.0.0.1 or ::1), on a port the kernel picks. */
    static ScriptedProxy onLoopback(InetAddress loopback, Script script) throws IOException {
        if (!loopback.isLoopbackAddress()) {
            throw new IllegalArgumentException("tests listen on loopback only");
        }
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(loopback, 0));
        int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        String host = IpDestination.addressText(loopback);
        return new ScriptedProxy(listener, (host.contains(":") ? "[" + host + "]" : host) + ":" + port, script);
    }

    /** A server on 127.0.0.1. */
    static ScriptedProxy onLoopback(Script script) throws IOException {
        return onLoopback(InetAddress.ofLiteral("127.0.0.1"), script);
    }

    /** A server on a Unix socket at {@code path}. */
    static ScriptedProxy onUnixSocket(Path path, Script script) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(path));
        return new ScriptedProxy(listener, "unix:" + path, script);
    }

    /** The value for the {@code server} key that reaches this proxy. */
    String server() {
        return server;
    }

    /** Waits for the script to end and rethrows what it threw, such as a failed assertion. */
    void awaitScript() throws Exception {
        try {
            task.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the proxy script did not end within 5s", e);
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        listener.close();
        SocketChannel connection = accepted;
        if (connection != null) {
            connection.close();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

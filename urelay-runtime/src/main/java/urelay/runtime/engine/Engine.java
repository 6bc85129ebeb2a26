// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import urelay.runtime.audit.AuditLog;
import urelay.runtime.config.ListenerPlan;
import urelay.runtime.config.RelayConfig;
import urelay.runtime.guard.Guard;
import urelay.runtime.guard.OwnAddresses;
import urelay.runtime.linux.ListeningSocket;
import urelay.runtime.relay.Relay;
import urelay.spi.Acceptor;

/**
 * Runs a validated config: opens every listener's acceptors, then accepts and handles
 * connections until closed. Owns the acceptors and the relay's pipe pool. Each acceptor gets
 * an accept loop on a virtual thread, and each connection a virtual thread of its own.
 */
public final class Engine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("urelay.engine");
    private static final int STOP_WAIT_SECONDS = 3;

    private final RelayConfig config;
    private final AuditLog audit;
    private final Relay relay = new Relay();
    private final ConnectionIds ids = new ConnectionIds();
    private final List<Acceptor> acceptors = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final OpenConnections connections = new OpenConnections();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Set once every listener is open and connections are taken. */
    private volatile boolean ready;

    public Engine(RelayConfig config, AuditLog audit) {
        this.config = config;
        this.audit = audit;
    }

    /**
     * Opens every source's acceptors, then relays until {@link #close()}.
     *
     * @throws IOException naming what could not be opened; whatever was opened is closed again
     */
    public void run() throws IOException, InterruptedException {
        Map<ListenerPlan, List<Acceptor>> opened = open();
        Guard guard = new Guard(new OwnAddresses(), ownListeningSockets(opened));
        List<AcceptLoop> loops = new ArrayList<>();
        opened.forEach((listener, listenerAcceptors) -> {
            ConnectionHandler handler =
                    new ConnectionHandler(listener, new Planner(listener, guard), relay, audit, ids, connections);
            listenerAcceptors.forEach(acceptor -> loops.add(new AcceptLoop(listener.name(), acceptor, handler, connections)));
        });
        loops.forEach(loop -> Thread.ofVirtual().name("urelay-accept").start(loop));
        ready = true;
        LOG.log(INFO, "ready listeners=" + config.listeners().size() + " acceptors=" + loops.size());
        stopped.await();
    }

    /** Opens every listener's acceptors; on a failure closes what was opened and throws. */
    private Map<ListenerPlan, List<Acceptor>> open() throws IOException {
        Map<ListenerPlan, List<Acceptor>> opened = new LinkedHashMap<>();
        try {
            for (ListenerPlan listener : config.listeners()) {
                List<Acceptor> listenerAcceptors = open(listener);
                synchronized (acceptors) {
                    acceptors.addAll(listenerAcceptors);
                }
                opened.put(listener, listenerAcceptors);
                listenerAcceptors.forEach(acceptor -> LOG.log(INFO, "listener open listener=" + listener.name()
                        + " at=" + quote(acceptor.description())));
            }
            return opened;
        } catch (IOException | RuntimeException e) {
            LOG.log(ERROR, "cannot open listeners: " + e.getMessage());
            close();
            throw e;
        }
    }

    /** One listener's acceptors; a failure names the listener, since the source's own message may not. */
    private static List<Acceptor> open(ListenerPlan listener) throws IOException {
        try {
            return listener.source().open();
        } catch (IOException e) {
            throw new IOException("listener " + listener.name() + ": " + e.getMessage(), e);
        }
    }

    /** The sockets the guard must never let a connection loop back into. */
    private static Set<InetSocketAddress> ownListeningSockets(Map<ListenerPlan, List<Acceptor>> opened) {
        Set<InetSocketAddress> own = new HashSet<>();
        opened.values().forEach(list -> list.forEach(acceptor -> {
            if (acceptor instanceof ListeningSocket socket) {
                socket.ownNamespaceAddress().ifPresent(own::add);
            }
        }));
        return own;
    }

    /**
     * Stops: closes every acceptor, resets every connection being relayed, and waits up to
     * {@value #STOP_WAIT_SECONDS} seconds for their audit lines. Safe to call from a shutdown
     * hook and more than once.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        // Before "ready" nothing was served: closing what opened is no stop worth announcing.
        boolean served = ready;
        LOG.log(served ? INFO : DEBUG, "stopping");
        synchronized (acceptors) {
            acceptors.forEach(Acceptor::close);
            acceptors.clear();
        }
        relay.stopAll();
        connections.stopAll();
        try {
            int left = connections.awaitNone(Duration.ofSeconds(STOP_WAIT_SECONDS));
            LOG.log(left == 0 ? (served ? INFO : DEBUG) : WARNING, "stopped unaudited_connections=" + left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relay.close();
        stopped.countDown();
    }

    private static String quote(String value) {
        return value.contains(" ") ? "\"" + value + "\"" : value;
    }
}

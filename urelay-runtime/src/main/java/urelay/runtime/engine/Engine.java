// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import urelay.runtime.audit.AuditLog;
import urelay.runtime.config.ListenerPlan;
import urelay.runtime.config.RelayConfig;
import urelay.runtime.relay.Relay;
import urelay.spi.Acceptor;

/**
 * Runs a validated config: opens every listener's acceptors, then accepts and handles
 * connections until closed. Owns the acceptors and the relay's pipe pool. Each acceptor gets
 * an accept loop on a virtual thread, and each connection a virtual thread of its own.
 */
public final class Engine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("urelay.engine");

    private final RelayConfig config;
    private final AuditLog audit;
    private final Relay relay = new Relay();
    private final ConnectionIds ids = new ConnectionIds();
    private final List<Acceptor> acceptors = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

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
        List<AcceptLoop> loops = new ArrayList<>();
        try {
            for (ListenerPlan listener : config.listeners()) {
                ConnectionHandler handler = new ConnectionHandler(listener, relay, audit, ids);
                for (Acceptor acceptor : listener.source().open()) {
                    synchronized (acceptors) {
                        acceptors.add(acceptor);
                    }
                    loops.add(new AcceptLoop(listener.name(), acceptor, handler));
                    LOG.log(INFO, "listener open listener=" + listener.name() + " at=" + quote(acceptor.description()));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(ERROR, "cannot open listeners: " + e.getMessage());
            close();
            throw e;
        }
        loops.forEach(loop -> Thread.ofVirtual().name("urelay-accept").start(loop));
        LOG.log(INFO, "ready listeners=" + config.listeners().size() + " acceptors=" + loops.size());
        stopped.await();
    }

    @Override
    public void close() {
        synchronized (acceptors) {
            acceptors.forEach(Acceptor::close);
            acceptors.clear();
        }
        relay.close();
        stopped.countDown();
    }

    private static String quote(String value) {
        return value.contains(" ") ? "\"" + value + "\"" : value;
    }
}

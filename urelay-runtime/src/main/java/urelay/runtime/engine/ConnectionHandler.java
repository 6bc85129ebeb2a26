// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.TRACE;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import urelay.runtime.audit.AuditLog;
import urelay.runtime.audit.AuditRecord;
import urelay.runtime.config.ListenerPlan;
import urelay.runtime.relay.Relay;
import urelay.runtime.relay.RelayResult;
import urelay.spi.ClientConnection;
import urelay.spi.Outcome;
import urelay.spi.SinkResult;

/**
 * Takes one accepted connection of a listener through the pipeline: resolvers, the listener's
 * rewriters, the route (chosen on the destination those rewriters left), the route's own
 * rewriters, sink, relay, and finally one audit line. Runs on the connection's virtual thread;
 * owns the client stream until the relay takes it, and always closes it.
 */
final class ConnectionHandler {

    private static final System.Logger LOG = System.getLogger("urelay.connection");

    private final ListenerPlan listener;
    private final Planner planner;
    private final Relay relay;
    private final AuditLog audit;
    private final ConnectionIds ids;
    private final OpenConnections connections;

    ConnectionHandler(ListenerPlan listener, Planner planner, Relay relay, AuditLog audit, ConnectionIds ids,
            OpenConnections connections) {
        this.connections = connections;
        this.listener = listener;
        this.planner = planner;
        this.relay = relay;
        this.audit = audit;
        this.ids = ids;
    }

    void handle(ClientConnection client) {
        Trace trace = new Trace(ids.next(), Instant.now(), System.nanoTime());
        try {
            relay(client, trace);
        } catch (InterruptedException e) {
            client.reset();
            trace.fail(Outcome.ERROR, "interrupted");
        } catch (IOException e) {
            client.reset();
            trace.fail(Outcome.ERROR, e.getMessage());
            LOG.log(TRACE, "client failed id=" + trace.id + " error=\"" + e.getMessage() + "\"");
        } catch (RuntimeException e) {
            client.reset();
            trace.fail(Outcome.ERROR, "plugin failure: " + e);
            LOG.log(WARNING, "plugin failed id=" + trace.id + " listener=" + listener.name(), e);
        }
        if (connections.stopping() && trace.outcome != Outcome.OK) {
            // Whatever failed last failed because urelay cut it short while stopping.
            client.reset();
            trace.fail(Outcome.RESET, "urelay stopping");
        }
        audit.write(trace.record(listener.name(), client));
    }

    private void relay(ClientConnection client, Trace trace) throws IOException, InterruptedException {
        Plan plan = planner.plan(client);
        LOG.log(DEBUG, () -> "conn.plan id=" + trace.id + " steps=\"" + String.join("; ", plan.steps()) + "\"");
        switch (plan) {
            case Plan.Refused refused -> {
                trace.destination = refused.destination();
                trace.finalDestination = refused.finalDestination();
                trace.guard = refused.guard();
                client.reset();
                trace.fail(refused.outcome(), refused.detail());
            }
            case Plan.Go go -> {
                trace.destination = go.destination();
                trace.finalDestination = go.target().text();
                trace.guard = go.guard();
                connect(client, go, trace);
            }
        }
    }

    private void connect(ClientConnection client, Plan.Go go, Trace trace) throws InterruptedException {
        SinkChain.Attempt attempt = SinkChain.connect(go.route(), go.target(), client, trace.id,
                sink -> trace.sink = sink.name());
        switch (attempt.result()) {
            case SinkResult.Connected connected -> {
                trace.upstream = connected.description();
                trace.finish(relay.run(client, connected.upstream(), listener.idleTimeout()));
            }
            case SinkResult.Failed failed -> {
                client.reset();
                trace.fail(failed.outcome(), failed.detail());
            }
        }
    }

    /** What the audit line will say, filled in as the connection goes through the pipeline. */
    private static final class Trace {
        final String id;
        final Instant start;
        final long startNanos;
        String destination = "-";
        String finalDestination = "-";
        String sink = "-";
        String upstream = "-";
        long upBytes;
        long downBytes;
        Outcome outcome = Outcome.ERROR;
        String detail = "-";
        String guard = "-";

        Trace(String id, Instant start, long startNanos) {
            this.id = id;
            this.start = start;
            this.startNanos = startNanos;
        }

        void fail(Outcome outcome, String detail) {
            this.outcome = outcome;
            this.detail = detail;
        }

        void finish(RelayResult result) {
            upBytes = result.upBytes();
            downBytes = result.downBytes();
            outcome = result.outcome();
            detail = result.detail();
        }

        AuditRecord record(String listener, ClientConnection client) {
            Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
            return new AuditRecord(id, start, listener, client.remoteAddress(), destination, finalDestination,
                    sink, upstream, upBytes, downBytes, duration, outcome, detail, guard);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.TRACE;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import urelay.runtime.audit.AuditLog;
import urelay.runtime.audit.AuditRecord;
import urelay.runtime.config.ListenerPlan;
import urelay.runtime.relay.Relay;
import urelay.runtime.relay.RelayResult;
import urelay.runtime.route.Route;
import urelay.runtime.route.RouteQuery;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.Outcome;
import urelay.spi.Resolver;
import urelay.spi.Rewriter;
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
    private final Relay relay;
    private final AuditLog audit;
    private final ConnectionIds ids;

    ConnectionHandler(ListenerPlan listener, Relay relay, AuditLog audit, ConnectionIds ids) {
        this.listener = listener;
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
        audit.write(trace.record(listener.name(), client));
    }

    private void relay(ClientConnection client, Trace trace) throws IOException, InterruptedException {
        Optional<Destination> resolved = resolve(client);
        if (resolved.isEmpty()) {
            client.reset();
            trace.fail(Outcome.UNRESOLVED, "no resolver named a destination");
            return;
        }
        trace.destination = resolved.get().text();
        Destination destination = rewrite(listener.rewriters(), resolved.get(), client);
        trace.finalDestination = destination.text();

        Optional<Route> route = listener.router().route(new RouteQuery(listener.name(), client.remoteAddress(),
                destination));
        if (route.isEmpty()) {
            client.reset();
            trace.fail(Outcome.NO_ROUTE, "no route matches " + destination.text());
            return;
        }
        LOG.log(DEBUG, () -> "conn.route id=" + trace.id + " dst=" + trace.finalDestination
                + " route=" + route.get().index());
        destination = rewrite(route.get().rewriters(), destination, client);
        trace.finalDestination = destination.text();

        SinkChain.Attempt attempt = SinkChain.connect(route.get(), destination, client, trace.id,
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

    private static Destination rewrite(List<Rewriter> rewriters, Destination destination, ClientConnection client) {
        Destination rewritten = destination;
        for (Rewriter rewriter : rewriters) {
            rewritten = rewriter.rewrite(rewritten, client);
        }
        return rewritten;
    }

    private Optional<Destination> resolve(ClientConnection client) throws IOException {
        for (Resolver resolver : listener.resolvers()) {
            Optional<Destination> destination = resolver.resolve(client);
            if (destination.isPresent()) {
                return destination;
            }
        }
        return Optional.empty();
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

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import urelay.runtime.config.ListenerPlan;
import urelay.runtime.guard.Guard;
import urelay.runtime.guard.Verdict;
import urelay.runtime.route.Route;
import urelay.runtime.route.RouteQuery;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.Outcome;
import urelay.spi.Resolver;
import urelay.spi.Rewriter;

/**
 * Decides, without connecting anywhere, what happens to a connection of one listener:
 * resolvers in order until one names the destination, the listener's rewriters, the first
 * matching route, the route's rewriters, and the guard. The connection path and
 * {@code urelay explain} share it, so what explain says is what a connection does. Resolvers
 * may read from the client, so a plan is made once per connection, on its virtual thread.
 */
public final class Planner {

    private final ListenerPlan listener;
    private final Guard guard;

    public Planner(ListenerPlan listener, Guard guard) {
        this.listener = listener;
        this.guard = guard;
    }

    /**
     * @throws IOException if a resolver failed on the client's stream
     */
    public Plan plan(ClientConnection client) throws IOException {
        List<String> steps = new ArrayList<>();
        Optional<Destination> resolved = resolve(client, steps);
        if (resolved.isEmpty()) {
            return new Plan.Refused(Outcome.UNRESOLVED, "no resolver named a destination", "-", "-", "-", steps);
        }
        String destination = resolved.get().text();
        Destination rewritten = rewrite(listener.rewriters(), resolved.get(), client, "listener", steps);

        RouteQuery query = new RouteQuery(listener.name(), client.remoteAddress(), rewritten);
        Optional<Route> chosen = listener.router().route(query);
        if (chosen.isEmpty()) {
            steps.add("route: none of " + listener.router().routes().size() + " matches " + rewritten.text());
            return new Plan.Refused(Outcome.NO_ROUTE, "no route matches " + rewritten.text(), destination,
                    rewritten.text(), "-", steps);
        }
        Route route = chosen.get();
        steps.add("route: #" + route.index() + " " + RouteText.of(route));
        Destination target = rewrite(route.rewriters(), rewritten, client, "route", steps);

        Verdict verdict = guard.judge(target, route.allow());
        steps.add("guard: " + switch (verdict) {
            case Verdict.Pass pass -> "pass";
            case Verdict.Opened opened -> "would refuse (" + opened.reason() + "), opened by allow " + opened.range();
            case Verdict.Forbidden forbidden -> "refuses (" + forbidden.reason() + ")";
        });
        if (verdict instanceof Verdict.Forbidden forbidden) {
            return new Plan.Refused(Outcome.FORBIDDEN, "guard: " + forbidden.reason() + " " + target.text(),
                    destination, target.text(), verdict.auditText(), steps);
        }
        return new Plan.Go(route, target, destination, verdict.auditText(), steps);
    }

    private Optional<Destination> resolve(ClientConnection client, List<String> steps) throws IOException {
        List<Resolver> resolvers = listener.resolvers();
        for (int i = 0; i < resolvers.size(); i++) {
            Optional<Destination> destination = resolvers.get(i).resolve(client);
            String name = "resolvers[" + i + "] (" + resolvers.get(i).getClass().getSimpleName() + ")";
            steps.add(name + ": " + destination.map(Destination::text).orElse("cannot tell"));
            if (destination.isPresent()) {
                return destination;
            }
        }
        return Optional.empty();
    }

    private static Destination rewrite(List<Rewriter> rewriters, Destination destination, ClientConnection client,
            String owner, List<String> steps) {
        Destination rewritten = destination;
        for (int i = 0; i < rewriters.size(); i++) {
            Destination next = rewriters.get(i).rewrite(rewritten, client);
            steps.add(owner + " rewriters[" + i + "]: " + (next.equals(rewritten)
                    ? "leaves " + rewritten.text() : rewritten.text() + " -> " + next.text()));
            rewritten = next;
        }
        return rewritten;
    }
}

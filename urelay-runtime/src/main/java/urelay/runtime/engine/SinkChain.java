// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static java.lang.System.Logger.Level.INFO;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import urelay.runtime.config.SinkPlan;
import urelay.runtime.route.Route;
import urelay.spi.BindOptions;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.Outcome;
import urelay.spi.SinkResult;

/**
 * Tries a route's sinks in order until one connects, handing each the route's bind when it
 * has one. The next sink is tried only when the one
 * before could not connect (outcome {@code refused}, {@code timeout}, {@code unreachable} or
 * {@code error}). Any other failure ends the attempt: above all {@code rejected}, so a sink
 * that turns connections away on purpose is never bypassed by a sink listed after it. Runs on
 * the connection's virtual thread; holds no state.
 */
final class SinkChain {

    private static final System.Logger LOG = System.getLogger("urelay.connection");

    private SinkChain() {
    }

    /**
     * The sink that served, or the last one that failed, and what it returned.
     *
     * @param sink   the sink tried last
     * @param result its result: {@link SinkResult.Connected} when it serves the connection
     */
    record Attempt(SinkPlan sink, SinkResult result) {
    }

    /**
     * Tries the sinks of {@code route}.
     *
     * @param id     the connection id, for log lines
     * @param trying told of each sink before it is asked, so a sink that throws is still known
     */
    static Attempt connect(Route route, Destination destination, ClientConnection client, String id,
            Consumer<SinkPlan> trying) {
        Optional<BindOptions> bind = route.bind().map(profile -> profile.options(client));
        Attempt attempt = null;
        List<SinkPlan> sinks = route.sinks();
        for (int i = 0; i < sinks.size(); i++) {
            SinkPlan sink = sinks.get(i);
            trying.accept(sink);
            attempt = new Attempt(sink, bind.isPresent()
                    ? sink.sink().connect(destination, client, bind.get())
                    : sink.sink().connect(destination, client));
            if (!(attempt.result() instanceof SinkResult.Failed failed)) {
                return attempt;
            }
            if (!triesNext(failed.outcome()) || i == sinks.size() - 1) {
                return attempt;
            }
            // The audit line names only the sink that served; an operator must still learn that
            // the one before it (a proxy, typically) is failing.
            LOG.log(INFO, () -> "sink failed, trying the next id=" + id + " sink=" + sink.name()
                    + " outcome=" + failed.outcome().label() + " detail=\"" + failed.detail() + "\"");
        }
        return attempt;
    }

    /** Whether a sink that failed with {@code outcome} only could not connect, so the next may try. */
    static boolean triesNext(Outcome outcome) {
        return switch (outcome) {
            case REFUSED, TIMEOUT, UNREACHABLE, ERROR -> true;
            case REJECTED, FORBIDDEN, RESET, NO_ROUTE, UNRESOLVED, OK -> false;
        };
    }
}

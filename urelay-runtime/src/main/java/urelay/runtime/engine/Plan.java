// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import java.util.List;
import urelay.runtime.route.Route;
import urelay.spi.Destination;
import urelay.spi.Outcome;

/**
 * What the {@link Planner} decided for one connection, with the steps that led there in words,
 * for {@code urelay explain} and debug logs.
 */
public sealed interface Plan {

    /** The steps taken, one phrase each, in order. */
    List<String> steps();

    /**
     * The connection goes no further than urelay: the client is reset.
     *
     * @param outcome          {@code unresolved}, {@code no_route} or {@code forbidden}
     * @param detail           why, for the audit line
     * @param destination      the resolved destination's text, or {@code -}
     * @param finalDestination the rewritten destination's text, or {@code -}
     * @param guard            the guard's verdict for the audit line, or {@code -}
     */
    record Refused(Outcome outcome, String detail, String destination, String finalDestination, String guard,
            List<String> steps) implements Plan {
    }

    /**
     * The connection goes to the route's sinks.
     *
     * @param route       the chosen route
     * @param target      the destination the sinks are asked for, after every rewriter
     * @param destination the resolved destination's text
     * @param guard       the guard's verdict for the audit line
     */
    record Go(Route route, Destination target, String destination, String guard, List<String> steps)
            implements Plan {
    }
}

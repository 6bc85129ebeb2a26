// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * What every command works with: where plugins come from, standard output (results, audit
 * lines) and standard error (problems, logs).
 *
 * @param plugins where the plugins are found
 * @param out     where results and audit lines go
 * @param err     where problems go
 */
record Console(Plugins plugins, PrintStream out, PrintStream err) {

    Console {
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}

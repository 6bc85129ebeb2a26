// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.io.PrintStream;
import java.util.Objects;
import urelay.runtime.plugin.PluginRegistry;

/**
 * What every command works with: the plugins found, standard output (results, audit lines)
 * and standard error (problems, logs).
 *
 * @param registry the plugins
 * @param out      where results and audit lines go
 * @param err      where problems go
 */
record Console(PluginRegistry registry, PrintStream out, PrintStream err) {

    Console {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** Warns about plugins that failed to load; they matter only if the config uses them. */
    void warnAboutPlugins() {
        registry.problems().forEach(problem -> err.println("urelay: plugin problem: " + problem));
    }
}

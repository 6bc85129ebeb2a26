// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.logging;

import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The {@link System.LoggerFinder} of urelay: every {@link System.Logger}, the JDK's own
 * included, writes one line per message to standard error in the {@code key=value} format
 * described in {@code docs/config.md}. One global level applies to all loggers; the CLI sets
 * it from the config's {@code log.level} once the config is read.
 *
 * <p>Found by the JDK through {@code provides java.lang.System.LoggerFinder} in
 * {@code module-info}; thread-safe.
 */
public final class KeyValueLoggerFinder extends System.LoggerFinder {

    /** Written by the CLI, read by every logging thread. */
    private static volatile Level level = Level.INFO;

    /** Creates the finder; called by the JDK's service lookup. */
    public KeyValueLoggerFinder() {
        // Nothing to set up: loggers read the global level and System.err on every call.
    }

    /** Sets the level below which messages are dropped, for every logger. */
    public static void setLevel(Level newLevel) {
        level = Objects.requireNonNull(newLevel, "newLevel");
    }

    /** The level below which messages are dropped. */
    public static Level level() {
        return level;
    }

    /**
     * A logger for {@code name}. The JDK's own loggers keep to INFO and above even when urelay
     * logs at debug: below that they print internals such as a stack trace for every
     * {@code Runtime.exit}, which would bury urelay's own debug lines.
     */
    @Override
    public System.Logger getLogger(String name, Module module) {
        boolean jdk = module.getLayer() == ModuleLayer.boot() && module.isNamed()
                && (module.getName().startsWith("java.") || module.getName().startsWith("jdk."));
        return new KeyValueLogger(name, KeyValueLoggerFinder::standardError, jdk ? Level.INFO : Level.ALL);
    }

    private static PrintStream standardError() {
        return System.err;
    }
}

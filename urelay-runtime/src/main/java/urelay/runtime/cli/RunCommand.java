// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import urelay.runtime.audit.AuditLog;
import urelay.runtime.config.NoSocketsNetwork;
import urelay.runtime.config.RelayConfig;
import urelay.runtime.engine.Engine;
import urelay.runtime.linux.LinuxNetwork;
import urelay.runtime.linux.NativeException;
import urelay.runtime.logging.KeyValueLoggerFinder;

/**
 * {@code urelay run}: checks the config exactly as {@code check} does, and only if it is valid
 * starts the Linux socket layer, creates the plugins with it and runs the engine on the
 * calling thread until the JVM shuts down.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Check a config file, then relay: audit lines on standard output, logs on standard error.")
final class RunCommand implements Callable<Integer> {

    private static final System.Logger LOG = System.getLogger("urelay.cli");

    private final Console console;

    @Mixin
    private ConfigOption config = new ConfigOption();

    RunCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<RelayConfig> checked = config.load(console, new NoSocketsNetwork());
        if (checked.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        KeyValueLoggerFinder.setLevel(checked.get().logLevel());

        // The plugins are made again with the real network; the file is read again too, so a
        // change made in between is checked rather than run unchecked.
        LinuxNetwork network;
        try {
            network = new LinuxNetwork();
        } catch (NativeException e) {
            console.err().println("urelay: cannot start: " + e.getMessage());
            return ExitCodes.CANNOT_START;
        }
        try (network) {
            Optional<RelayConfig> loaded = config.load(console, network);
            if (loaded.isEmpty()) {
                return ExitCodes.BAD_CONFIG;
            }
            return run(loaded.get());
        }
    }

    private int run(RelayConfig relay) {
        LOG.log(Level.INFO, "config loaded file=" + relay.file() + " listeners=" + relay.listeners().size()
                + " sinks=" + relay.sinks().size());
        try (Engine engine = new Engine(relay, new AuditLog(relay.auditFormat(), console.out()))) {
            // SIGTERM and SIGINT run shutdown hooks; this one resets open connections and waits
            // for their audit lines. A stop that was asked for is a normal end, so it then halts
            // with 0 rather than the JVM's 128 + signal, which service managers count as failure.
            Thread stop = Thread.ofPlatform().name("urelay-stop").unstarted(() -> {
                engine.close();
                console.out().flush();
                console.err().flush();
                Runtime.getRuntime().halt(ExitCodes.OK);
            });
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                engine.run();
                return ExitCodes.OK;
            } finally {
                withdraw(stop);
            }
        } catch (IOException e) {
            console.err().println("urelay: cannot start: " + e.getMessage());
            return ExitCodes.CANNOT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    /**
     * Takes the stop hook back once the engine has ended by itself (a listener could not be
     * opened), so the exit code says so instead of the hook's 0. During a stop the JVM is
     * already shutting down and the hook stays; that stop ends with 0 as intended.
     */
    private static void withdraw(Thread stop) {
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            LOG.log(Level.TRACE, "stop hook left in place: the JVM is already shutting down");
        }
    }
}

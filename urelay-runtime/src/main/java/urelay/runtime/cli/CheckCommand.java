// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import urelay.runtime.config.NoSocketsNetwork;
import urelay.runtime.config.RelayConfig;

/** {@code urelay check}: reads a config and creates every plugin instance, without opening a socket. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a config file and create its plugins, without opening any socket.")
final class CheckCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    private ConfigOption config = new ConfigOption();

    CheckCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<RelayConfig> checked = config.load(console, new NoSocketsNetwork());
        if (checked.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        console.out().println(config.file() + ": ok (" + checked.get().listeners().size() + " listeners, "
                + checked.get().sinks().size() + " sinks)");
        return ExitCodes.OK;
    }
}

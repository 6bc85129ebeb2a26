// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import urelay.runtime.config.NoSocketsNetwork;
import urelay.runtime.config.RelayConfig;
import urelay.runtime.plugin.PluginRegistry;

/** {@code urelay check}: reads a config and creates every plugin instance, without opening a socket. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a config file and create its plugins, without opening any socket.")
final class CheckCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML config file.")
    private Path config;

    @Mixin
    private PluginsOption plugins = new PluginsOption();

    CheckCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<PluginRegistry> registry = plugins.load(console);
        if (registry.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        Optional<RelayConfig> checked = Checker.load(console, registry.get(), config, new NoSocketsNetwork());
        if (checked.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        console.out().println(config + ": ok (" + checked.get().listeners().size() + " listeners, "
                + checked.get().sinks().size() + " sinks)");
        return ExitCodes.OK;
    }
}

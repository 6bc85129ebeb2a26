// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import urelay.runtime.config.RelayConfig;
import urelay.runtime.plugin.PluginRegistry;
import urelay.spi.Network;

/**
 * The {@code --config FILE} and {@code --plugins DIR} options every command that reads a
 * config shares, and reading the config with them. The plugins are loaded once per command,
 * however often the config is read.
 */
final class ConfigOption {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML config file.")
    private Path file;

    @Mixin
    private PluginsOption plugins = new PluginsOption();

    private PluginRegistry registry;

    Path file() {
        return file;
    }

    /**
     * The config with its plugins created on {@code network}, or empty after every problem was
     * printed on standard error.
     */
    Optional<RelayConfig> load(Console console, Network network) {
        if (registry == null) {
            Optional<PluginRegistry> loaded = plugins.load(console);
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            registry = loaded.get();
        }
        return Checker.load(console, registry, file, network);
    }
}

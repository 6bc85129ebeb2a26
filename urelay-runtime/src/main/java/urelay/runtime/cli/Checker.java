// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.nio.file.Path;
import java.util.Optional;
import urelay.runtime.config.ConfigLoader;
import urelay.runtime.config.ConfigResult;
import urelay.runtime.config.RelayConfig;
import urelay.runtime.plugin.PluginRegistry;
import urelay.spi.Network;

/** Loads a config for a command and prints its problems, one per line on standard error. */
final class Checker {

    private Checker() {
    }

    /** The config, or empty after its problems were printed. */
    static Optional<RelayConfig> load(Console console, PluginRegistry registry, Path file, Network network) {
        return switch (new ConfigLoader(registry, network).load(file)) {
            case ConfigResult.Valid valid -> Optional.of(valid.config());
            case ConfigResult.Invalid invalid -> {
                invalid.problems().forEach(console.err()::println);
                yield Optional.empty();
            }
        };
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import urelay.runtime.plugin.PluginRegistry;
import urelay.spi.Network;

/**
 * Writes config text to {@code demo.yaml} in a test's directory and loads it with the test
 * plugins; problem lines come back with the directory cut off, as {@code demo.yaml:L:C: ...}.
 */
final class ConfigFiles {

    /** The network the loader lends plugins; tests check it is this one and that it is never used. */
    static final Network NO_NETWORK = new NoSocketsNetwork();

    private final Supplier<Path> directory;
    private final ConfigLoader loader = new ConfigLoader(
            PluginRegistry.load(ConfigFiles.class.getClassLoader()), NO_NETWORK);

    /**
     * @param directory the test's directory, asked for only when a file is written, so a test
     *                  can pass its {@code @TempDir} field before JUnit has filled it in
     */
    ConfigFiles(Supplier<Path> directory) {
        this.directory = directory;
    }

    Path write(String yaml) {
        try {
            return Files.writeString(directory.get().resolve("demo.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConfigResult load(String yaml) {
        return loader.load(write(yaml));
    }

    RelayConfig valid(String yaml) {
        return switch (load(yaml)) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError("expected a valid config, got "
                    + String.join("\n", invalid.problems()));
        };
    }

    List<String> problems(String yaml) {
        return switch (load(yaml)) {
            case ConfigResult.Valid valid -> throw new AssertionError("expected problems, got a valid config");
            case ConfigResult.Invalid invalid -> invalid.problems().stream()
                    .map(line -> line.replace(directory.get() + "/", ""))
                    .toList();
        };
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import urelay.runtime.plugin.PluginRegistry;

/**
 * The {@code --plugins DIR} option that {@code run}, {@code check} and {@code plugins} share,
 * and the loading of the plugins it names. Runs on the main thread.
 */
final class PluginsOption {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A directory of extra plugin jars to load. Default: the image's plugins directory, if any.")
    private Path directory;

    /**
     * The plugins, with every plugin that failed to load reported on standard error; or empty
     * after saying why the given directory cannot be used.
     */
    Optional<PluginRegistry> load(Console console) {
        PluginRegistry registry;
        try {
            registry = console.plugins().load(Optional.ofNullable(directory));
        } catch (NoSuchFileException e) {
            console.err().println("urelay: --plugins " + directory + ": no such directory;"
                    + " give a directory that holds plugin jars");
            return Optional.empty();
        } catch (IOException e) {
            console.err().println("urelay: --plugins " + directory + ": cannot list it ("
                    + e.getClass().getSimpleName() + "); give a readable directory");
            return Optional.empty();
        }
        registry.problems().forEach(problem -> console.err().println("urelay: plugin problem: " + problem));
        return Optional.of(registry);
    }
}

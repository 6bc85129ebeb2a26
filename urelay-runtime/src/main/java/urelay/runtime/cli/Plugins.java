// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import urelay.runtime.plugin.LoadFailure;
import urelay.runtime.plugin.PluginDirectory;
import urelay.runtime.plugin.PluginRegistry;

/**
 * Where a command's plugins come from: the module layer urelay runs in (the image's boot
 * layer), or the class path when urelay is not a named module (as in tests), and on top the
 * jars of a plugins directory, loaded as a layer of their own.
 *
 * @param parent           the layer the directory's layer is put over
 * @param classPath        the class loader whose providers count too, when urelay runs from
 *                         the class path
 * @param defaultDirectory the directory used without {@code --plugins}; it may be missing
 */
record Plugins(ModuleLayer parent, Optional<ClassLoader> classPath, Optional<Path> defaultDirectory) {

    /** The directory beside the image's {@code bin}: {@code java.home} is the image's root. */
    private static final String DIRECTORY = "plugins";

    /** The plugins of the layer {@code main} runs in, or of its class path, and the image's directory. */
    static Plugins of(Class<?> main) {
        Optional<Path> imageDirectory = Optional.ofNullable(System.getProperty("java.home"))
                .map(home -> Path.of(home, DIRECTORY));
        Module module = main.getModule();
        if (module.isNamed() && module.getLayer() != null) {
            return new Plugins(module.getLayer(), Optional.empty(), imageDirectory);
        }
        return new Plugins(ModuleLayer.boot(), Optional.of(main.getClassLoader()), imageDirectory);
    }

    /** The class path plugins of {@code loader}, with no default directory: for tests. */
    static Plugins classPath(ClassLoader loader) {
        return new Plugins(ModuleLayer.boot(), Optional.of(loader), Optional.empty());
    }

    /**
     * The plugins found with {@code directory} or, when it is empty, the default directory if
     * that exists.
     *
     * @throws NoSuchFileException if {@code directory} is given but is not a directory
     * @throws IOException         if {@code directory} is given but cannot be listed
     */
    PluginRegistry load(Optional<Path> directory) throws IOException {
        if (directory.isPresent()) {
            if (!Files.isDirectory(directory.get())) {
                throw new NoSuchFileException(directory.get().toString());
            }
            return load(PluginDirectory.load(directory.get(), parent, loader()));
        }
        Optional<Path> fallback = defaultDirectory.filter(Files::isDirectory);
        if (fallback.isEmpty()) {
            return load(new PluginDirectory.Loaded(parent, List.of()));
        }
        try {
            return load(PluginDirectory.load(fallback.get(), parent, loader()));
        } catch (IOException e) {
            // The default directory is optional; one that cannot be read is reported, not fatal.
            return load(new PluginDirectory.Loaded(parent, List.of(
                    new LoadFailure("plugins directory " + fallback.get(),
                            e.getClass().getSimpleName() + ": " + e.getMessage(), Set.of()))));
        }
    }

    private PluginRegistry load(PluginDirectory.Loaded loaded) {
        return classPath.map(loader -> PluginRegistry.load(loader, loaded.layer(), loaded.failures()))
                .orElseGet(() -> PluginRegistry.load(loaded.layer(), loaded.failures()));
    }

    private ClassLoader loader() {
        return classPath.orElseGet(() -> Plugins.class.getClassLoader());
    }
}

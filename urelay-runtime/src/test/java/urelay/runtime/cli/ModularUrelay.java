// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import urelay.runtime.config.ConfigLoader;
import urelay.spi.SinkProvider;

/**
 * Runs urelay's {@code Main} in a JVM of its own, as named modules: the runtime, its libraries,
 * and whatever else a test puts on the module path. For tests of what only the module system
 * decides (which plugins the boot layer finds, how a plugin directory is layered over it).
 */
final class ModularUrelay {

    /** What one run left: its exit code and what it printed. */
    record Result(int code, String out, String err) {
    }

    private ModularUrelay() {
    }

    /**
     * Runs urelay with {@code args}, {@code extraModules} before the runtime's own on the
     * module path, its output kept in {@code work}; gives up after a minute.
     */
    static Result run(Path work, List<Path> extraModules, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", modulePath(extraModules), "-m", "urelay.runtime/urelay.runtime.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(work.resolve("out.txt").toFile())
                .redirectError(work.resolve("err.txt").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("urelay did not finish within a minute");
        }
        return new Result(process.exitValue(),
                Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** Where {@code type}'s classes were loaded from: a jar or a classes directory. */
    static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String modulePath(List<Path> extraModules) throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        extraModules.forEach(module -> entries.add(module.toString()));
        for (Class<?> type : List.of(SinkProvider.class, ConfigLoader.class, JsonFactory.class, ObjectMapper.class,
                JsonProperty.class, YAMLFactory.class, org.yaml.snakeyaml.Yaml.class, CommandLine.class)) {
            entries.add(location(type).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urelay.runtime.plugin.TestJars;

/**
 * {@code --plugins DIR} and the default plugins directory, with urelay on the class path as in
 * the other command line tests: a plain jar in the directory becomes an automatic module whose
 * provider sits beside the class path ones. Nothing here opens a socket.
 */
class PluginsOptionTest {

    private static final String HELLO_CONFIG = """
            listeners:
              - name: private
                source: { type: transparent, ports: [80] }
                routes: [ { sink: out } ]
            sinks:
              out: { type: hello, greeting: hi }
            """;

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int urelay(Optional<Path> defaultDirectory, String... args) {
        Plugins plugins = new Plugins(ModuleLayer.boot(), Optional.of(getClass().getClassLoader()), defaultDirectory);
        Console console = new Console(plugins, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return Main.execute(console, args);
    }

    private int urelay(String... args) {
        return urelay(Optional.empty(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> err() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path plugins() throws IOException {
        return Files.createDirectories(work.resolve("plugins"));
    }

    private Path config() throws IOException {
        return Files.writeString(work.resolve("urelay.yaml"), HELLO_CONFIG);
    }

    @Test
    void pluginsListsAPlainJarOfTheDirectoryAsAnAutomaticModule() throws Exception {
        Path plugins = plugins();
        TestJars.jar(work, plugins.resolve("hello.jar"), TestJars.HELLO_PLAIN);

        assertEquals(0, urelay("plugins", "--plugins", plugins.toString()), String.join("\n", err()));
        assertTrue(out().lines().anyMatch(line -> line.matches("sink +hello +hello +Says hello\\.")), out());
        assertTrue(out().lines().anyMatch(line -> line.matches("sink +direct +\\(class path\\) .*")), out());
    }

    @Test
    void checkBindsTheSettingsOfADirectoryPlugin() throws Exception {
        Path plugins = plugins();
        TestJars.jar(work, plugins.resolve("hello.jar"), TestJars.HELLO_PLAIN);
        Path config = config();

        assertEquals(0, urelay("check", "--plugins", plugins.toString(), "--config", config.toString()),
                String.join("\n", err()));
        assertEquals(config + ": ok (1 listeners, 1 sinks)\n", out());
    }

    @Test
    void aMissingPluginsDirectoryGivenOnTheCommandLineIsAnErrorWithExitTwo() throws IOException {
        Path missing = work.resolve("no-such-dir");
        Path config = config();

        for (String command : List.of("check", "run")) {
            assertEquals(2, urelay(command, "--plugins", missing.toString(), "--config", config.toString()));
        }
        assertEquals(2, urelay("plugins", "--plugins", missing.toString()));
        assertEquals(List.of("urelay: --plugins " + missing + ": no such directory; give a directory that holds"
                + " plugin jars"), err().stream().distinct().toList());
        assertEquals("", out());
    }

    @Test
    void aBrokenJarIsReportedOnOneLineAndAConfigThatNeedsItIsRefusedWithTheReason() throws IOException {
        Path plugins = plugins();
        Path broken = Files.writeString(plugins.resolve("hello.jar"), "not a zip file");
        Path config = config();

        assertEquals(2, urelay("run", "--plugins", plugins.toString(), "--config", config.toString()));

        List<String> lines = err();
        assertEquals(2, lines.size(), String.join("\n", lines));
        String reason = lines.get(0).replaceFirst(".*: not a usable module: ", "");
        assertEquals("urelay: plugin problem: cannot load plugin " + broken + ": not a usable module: " + reason,
                lines.get(0));
        assertEquals(config + ":6:16: sinks.out.type: unknown sink type \"hello\"; known sink types: direct,"
                + " reject; not loaded: plugin " + broken + ": not a usable module: " + reason, lines.get(1));
        assertEquals("", out());
    }

    @Test
    void aProviderThatThrowsIsReportedByClassAndModule() throws Exception {
        Path plugins = plugins();
        TestJars.jar(work, plugins.resolve("grumpy.jar"), Map.of(
                "org/example/grumpy/GrumpySinkProvider.java",
                TestJars.sinkProvider("org.example.grumpy.GrumpySinkProvider")
                        .replace("public String type()",
                                "public GrumpySinkProvider() { throw new IllegalStateException(\"no licence\"); }"
                                + " public String type()"),
                "META-INF/services/urelay.spi.SinkProvider", "org.example.grumpy.GrumpySinkProvider\n"));

        assertEquals(1, urelay("plugins", "--plugins", plugins.toString()));
        assertEquals(List.of("urelay: plugin problem: cannot load sink provider org.example.grumpy.GrumpySinkProvider"
                + " in module grumpy: IllegalStateException: no licence"), err());
    }

    @Test
    void withoutTheOptionTheDefaultDirectoryIsUsedWhenItExists() throws Exception {
        Path plugins = plugins();
        TestJars.jar(work, plugins.resolve("hello.jar"), TestJars.HELLO_PLAIN);

        assertEquals(0, urelay(Optional.of(plugins), "plugins"), String.join("\n", err()));
        assertTrue(out().lines().anyMatch(line -> line.matches("sink +hello +hello +Says hello\\.")), out());
    }

    @Test
    void aMissingDefaultDirectoryIsFine() {
        assertEquals(0, urelay(Optional.of(work.resolve("plugins")), "plugins"));
        assertEquals(List.of(), err());
    }
}

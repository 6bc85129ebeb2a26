// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urelay.spi.SinkProvider;
import urelay.runtime.cli.ModularUrelay.Result;

/**
 * Runs {@code urelay} as a named module in a child JVM, with a plugin module compiled here,
 * the way a jlink image runs: providers come from the boot layer, and config records are
 * bound though the plugin only exports (never opens) their package. The child opens no
 * socket and is stopped after a minute at most.
 */
class ModulePathTest {

    private static final Map<String, String> PLUGIN = Map.of(
            "module-info.java", """
                    module urelay.plugin.demo {
                        requires urelay.spi;
                        exports urelay.plugin.demo;
                        provides urelay.spi.SourceProvider with urelay.plugin.demo.DemoSourceProvider;
                        provides urelay.spi.ResolverProvider with urelay.plugin.demo.DemoResolverProvider;
                        provides urelay.spi.SinkProvider with urelay.plugin.demo.DemoSinkProvider,
                                urelay.plugin.demo.BrokenSinkProvider;
                    }
                    """,
            "urelay/plugin/demo/DemoSettings.java", """
                    package urelay.plugin.demo;
                    public record DemoSettings(java.time.Duration connectTimeout, java.util.List<Integer> ports) {
                        public DemoSettings {
                            if (ports != null && ports.contains(0)) {
                                throw new IllegalArgumentException(
                                        "ports[" + ports.indexOf(0) + "]: 0 is not a port; allowed 1-65535");
                            }
                        }
                    }
                    """,
            "urelay/plugin/demo/DemoSourceProvider.java", """
                    package urelay.plugin.demo;
                    import urelay.spi.*;
                    public final class DemoSourceProvider implements SourceProvider<DemoSettings> {
                        public String type() { return "demo"; }
                        public Class<DemoSettings> configType() { return DemoSettings.class; }
                        public String summary() { return "Demo source."; }
                        public Source create(DemoSettings settings, PluginContext context) {
                            return java.util.List::of;
                        }
                    }
                    """,
            "urelay/plugin/demo/DemoResolverProvider.java", """
                    package urelay.plugin.demo;
                    import urelay.spi.*;
                    public final class DemoResolverProvider implements ResolverProvider<DemoSettings> {
                        public String type() { return "original-destination"; }
                        public Class<DemoSettings> configType() { return DemoSettings.class; }
                        public String summary() { return "Demo resolver."; }
                        public Resolver create(DemoSettings settings, PluginContext context) {
                            return client -> java.util.Optional.empty();
                        }
                    }
                    """,
            "urelay/plugin/demo/DemoSinkProvider.java", """
                    package urelay.plugin.demo;
                    import urelay.spi.*;
                    public final class DemoSinkProvider implements SinkProvider<DemoSettings> {
                        public String type() { return "demo"; }
                        public Class<DemoSettings> configType() { return DemoSettings.class; }
                        public String summary() { return "Demo sink."; }
                        public Sink create(DemoSettings settings, PluginContext context) {
                            return (destination, client) -> new SinkResult.Failed(Outcome.REJECTED, "demo");
                        }
                    }
                    """,
            "urelay/plugin/demo/BrokenSinkProvider.java", """
                    package urelay.plugin.demo;
                    import urelay.spi.*;
                    public final class BrokenSinkProvider implements SinkProvider<DemoSettings> {
                        public BrokenSinkProvider() { throw new IllegalStateException("no licence"); }
                        public String type() { return "broken"; }
                        public Class<DemoSettings> configType() { return DemoSettings.class; }
                        public String summary() { return "Never loads."; }
                        public Sink create(DemoSettings settings, PluginContext context) { return null; }
                    }
                    """);

    @TempDir
    Path directory;

    private Path plugin;

    @BeforeEach
    void compilePlugin() throws IOException, URISyntaxException {
        Path sources = Files.createDirectories(directory.resolve("src"));
        List<String> arguments = new ArrayList<>(List.of("-d", directory.resolve("plugin").toString(),
                "--module-path", ModularUrelay.location(SinkProvider.class).toString()));
        for (var source : PLUGIN.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        int compiled = ToolProvider.findFirst("javac").orElseThrow()
                .run(System.out, System.err, arguments.toArray(String[]::new));
        assertEquals(0, compiled, "the demo plugin module compiles");
        plugin = directory.resolve("plugin");
    }

    @Test
    void checkFindsModulePluginsAndBindsRecordsOfAnExportedPackage() throws Exception {
        Path config = Files.writeString(directory.resolve("demo.yaml"), """
                listeners:
                  - name: private
                    source: { type: demo, ports: [80] }
                    routes: [ { sink: out } ]
                sinks:
                  out: { type: demo, connect-timeout: 5s }
                """);

        Result result = urelay("check", "--config", config.toString());

        assertEquals(0, result.code(), result.err());
        assertEquals(config + ": ok (1 listeners, 1 sinks)\n", result.out());
        assertTrue(result.err().contains("cannot load sink provider urelay.plugin.demo.BrokenSinkProvider"
                + " in module urelay.plugin.demo: IllegalStateException: no licence"), result.err());
    }

    @Test
    void checkPlacesAModulePluginsRefusalAtTheKeyItNames() throws Exception {
        Path config = Files.writeString(directory.resolve("demo.yaml"), """
                listeners:
                  - name: private
                    source: { type: demo, ports: [80, 0] }
                    routes: [ { sink: out } ]
                sinks:
                  out: { type: demo }
                """);

        Result result = urelay("check", "--config", config.toString());

        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains(config + ":3:39: listeners[0].source.ports[1]: 0 is not a port;"
                + " allowed 1-65535"), result.err());
    }

    @Test
    void pluginsListsTheModuleOfEachProvider() throws Exception {
        Result result = urelay("plugins");

        assertEquals(1, result.code(), "a provider failed to load: " + result.err());
        assertTrue(result.out().lines()
                .anyMatch(line -> line.matches("sink +demo +urelay\\.plugin\\.demo +Demo sink\\.")), result.out());
    }

    private Result urelay(String... args) throws Exception {
        return ModularUrelay.run(directory, List.of(plugin), args);
    }
}

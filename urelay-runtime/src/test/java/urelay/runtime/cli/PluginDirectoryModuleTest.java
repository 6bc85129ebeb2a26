// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urelay.runtime.plugin.TestJars;
import urelay.runtime.cli.ModularUrelay.Result;

/**
 * Runs {@code urelay} as a named module in a child JVM, as the jlink image does, with plugin
 * modules only in a {@code --plugins} directory: they are loaded as a layer over the boot
 * layer and bound to urelay's SPI there. The child opens no socket and is stopped after a
 * minute at most.
 */
class PluginDirectoryModuleTest {

    @TempDir
    Path work;

    private Path plugins;

    @BeforeEach
    void makePluginsDirectory() throws Exception {
        plugins = Files.createDirectory(work.resolve("plugins"));
        TestJars.jar(work, plugins.resolve("hello.jar"), TestJars.HELLO_MODULE);
    }

    @Test
    void pluginsListsAModuleOfTheDirectoryByItsModuleName() throws Exception {
        Result result = urelay("plugins", "--plugins", plugins.toString());

        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().lines()
                .anyMatch(line -> line.matches("sink +hello +org\\.example\\.hello +Says hello\\.")), result.out());
    }

    @Test
    void checkBindsTheConfigRecordOfAModuleOfTheDirectory() throws Exception {
        Path config = Files.writeString(work.resolve("urelay.yaml"), """
                listeners:
                  - name: private
                    source: { type: demo }
                    routes: [ { sink: out } ]
                sinks:
                  out: { type: hello, greeting: hi }
                """);
        TestJars.jar(work, plugins.resolve("demo-source.jar"), Map.of(
                "module-info.java", """
                        module org.example.demo {
                            requires urelay.spi;
                            exports org.example.demo;
                            provides urelay.spi.SourceProvider with org.example.demo.DemoSourceProvider;
                            provides urelay.spi.ResolverProvider with org.example.demo.DemoResolverProvider;
                        }
                        """,
                "org/example/demo/DemoSourceProvider.java", """
                        package org.example.demo;
                        import urelay.spi.*;
                        public final class DemoSourceProvider implements SourceProvider<DemoSourceProvider.None> {
                            public record None() {}
                            public String type() { return "demo"; }
                            public Class<None> configType() { return None.class; }
                            public String summary() { return "Demo source."; }
                            public Source create(None settings, PluginContext context) { return java.util.List::of; }
                        }
                        """,
                "org/example/demo/DemoResolverProvider.java", """
                        package org.example.demo;
                        import urelay.spi.*;
                        public final class DemoResolverProvider implements ResolverProvider<DemoSourceProvider.None> {
                            public String type() { return "original-destination"; }
                            public Class<DemoSourceProvider.None> configType() { return DemoSourceProvider.None.class; }
                            public String summary() { return "Demo resolver."; }
                            public Resolver create(DemoSourceProvider.None settings, PluginContext context) {
                                return client -> java.util.Optional.empty();
                            }
                        }
                        """));

        Result result = urelay("check", "--plugins", plugins.toString(), "--config", config.toString());

        assertEquals(0, result.code(), result.err());
        assertEquals(config + ": ok (1 listeners, 1 sinks)\n", result.out());
    }

    @Test
    void aModuleThatRequiresAMissingOneIsReportedAndNamedWhereItsTypeIsUsed() throws Exception {
        Files.delete(plugins.resolve("hello.jar"));
        Path library = TestJars.jar(work, work.resolve("missing.jar"), Map.of(
                "module-info.java", "module org.example.missing { }"));
        Path jar = TestJars.jar(work, plugins.resolve("hello.jar"), Map.of(
                "module-info.java", TestJars.HELLO_MODULE.get("module-info.java")
                        .replace("requires urelay.spi;", "requires urelay.spi; requires org.example.missing;"),
                "org/example/hello/HelloSettings.java",
                TestJars.HELLO_MODULE.get("org/example/hello/HelloSettings.java"),
                "org/example/hello/HelloSinkProvider.java",
                TestJars.HELLO_MODULE.get("org/example/hello/HelloSinkProvider.java")), library);
        Path config = Files.writeString(work.resolve("urelay.yaml"), """
                listeners:
                  - name: private
                    source: { type: transparent }
                    routes: [ { sink: out } ]
                sinks:
                  out: { type: hello }
                """);

        Result result = urelay("check", "--plugins", plugins.toString(), "--config", config.toString());

        assertEquals(2, result.code(), result.err());
        String failure = "plugin " + jar + " (module org.example.hello): Module org.example.missing not found,"
                + " required by org.example.hello";
        assertTrue(result.err().lines().anyMatch(line -> line.equals("urelay: plugin problem: cannot load " + failure)),
                result.err());
        assertTrue(result.err().lines().anyMatch(line -> line.equals(config + ":6:16: sinks.out.type: unknown sink"
                + " type \"hello\"; no sink plugins are installed (see urelay plugins); not loaded: " + failure)),
                result.err());
    }

    private Result urelay(String... args) throws Exception {
        return ModularUrelay.run(work, List.of(), args);
    }
}

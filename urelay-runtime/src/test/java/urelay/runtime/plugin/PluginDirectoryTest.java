// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a plugins directory as a module layer. The tests run from the class path, so the
 * layer's parent here is a layer made of urelay-spi alone, standing in for the image's boot
 * layer; the providers are looked up through that layer's copy of the SPI.
 */
class PluginDirectoryTest {

    @TempDir
    Path work;

    private Path plugins;
    private ModuleLayer urelay;

    @BeforeEach
    void makeTheParentLayer() throws IOException, URISyntaxException {
        plugins = Files.createDirectory(work.resolve("plugins"));
        Configuration spi = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(TestJars.spi()), ModuleFinder.of(), Set.of("urelay.spi"));
        urelay = ModuleLayer.boot().defineModulesWithOneLoader(spi, ClassLoader.getSystemClassLoader());
    }

    private PluginDirectory.Loaded load() throws IOException {
        return PluginDirectory.load(plugins, urelay, ClassLoader.getSystemClassLoader());
    }

    /** The provider classes of {@code layer} for the SPI's sink role, by class name. */
    private List<String> sinkProviders(ModuleLayer layer) throws ClassNotFoundException {
        Class<?> service = urelay.findLoader("urelay.spi").loadClass("urelay.spi.SinkProvider");
        return ServiceLoader.load(layer, service).stream().map(provider -> provider.type().getName()).toList();
    }

    @Test
    void findsTheProviderOfAModularPluginInTheNewLayer() throws Exception {
        TestJars.jar(work, plugins.resolve("hello.jar"), TestJars.HELLO_MODULE);

        PluginDirectory.Loaded loaded = load();

        assertEquals(List.of(), loaded.failures());
        assertEquals(List.of(urelay), loaded.layer().parents());
        assertEquals(List.of("org.example.hello.HelloSinkProvider"), sinkProviders(loaded.layer()));
    }

    @Test
    void makesAPlainJarAnAutomaticModuleNamedAfterTheJar() throws Exception {
        TestJars.jar(work, plugins.resolve("hello-sink-1.2.jar"), TestJars.HELLO_PLAIN);

        PluginDirectory.Loaded loaded = load();

        assertEquals(List.of(), loaded.failures());
        Module module = loaded.layer().findModule("hello.sink").orElseThrow();
        assertTrue(module.getDescriptor().isAutomatic());
        assertEquals(List.of("org.example.hello.HelloSinkProvider"), sinkProviders(loaded.layer()));
    }

    @Test
    void reportsAJarThatIsNotAZipByNameAndStillLoadsTheOthers() throws Exception {
        Path broken = Files.writeString(plugins.resolve("broken.jar"), "not a zip file");
        TestJars.jar(work, plugins.resolve("hello.jar"), TestJars.HELLO_MODULE);

        PluginDirectory.Loaded loaded = load();

        assertEquals(1, loaded.failures().size(), loaded.failures().toString());
        LoadFailure failure = loaded.failures().getFirst();
        assertEquals("plugin " + broken, failure.plugin());
        assertTrue(failure.reason().startsWith("not a usable module: "), failure.reason());
        assertEquals(Set.of(Kind.values()), failure.kinds(), "an unreadable jar might have been any role");
        assertEquals(List.of("org.example.hello.HelloSinkProvider"), sinkProviders(loaded.layer()));
    }

    @Test
    void reportsAModuleThatRequiresAMissingModuleWithTheRolesItWouldHaveFilled() throws Exception {
        Path jar = needyJar("needy.jar");
        TestJars.jar(work, plugins.resolve("hello.jar"), TestJars.HELLO_MODULE);

        PluginDirectory.Loaded loaded = load();

        assertEquals(List.of(new LoadFailure("plugin " + jar + " (module org.example.needy)",
                "Module org.example.missing not found, required by org.example.needy", Set.of(Kind.SINK))),
                loaded.failures());
        assertEquals(List.of("org.example.hello.HelloSinkProvider"), sinkProviders(loaded.layer()));
    }

    @Test
    void loadsALibraryJarThatAPluginRequiresWhileAnotherPluginFails() throws Exception {
        TestJars.jar(work, plugins.resolve("a-user.jar"), Map.of(
                "module-info.java", """
                        module org.example.user {
                            requires org.example.library;
                            requires urelay.spi;
                            provides urelay.spi.SinkProvider with org.example.user.UserSinkProvider;
                        }
                        """,
                "org/example/user/UserSinkProvider.java",
                TestJars.sinkProvider("org.example.user.UserSinkProvider")),
                library("org.example.library", plugins.resolve("library.jar")));
        needyJar("b-needy.jar");

        PluginDirectory.Loaded loaded = load();

        assertEquals(List.of("org.example.needy"), loaded.failures().stream()
                .map(failure -> failure.plugin().replaceAll(".*module (.*)\\)", "$1")).toList());
        assertTrue(loaded.layer().findModule("org.example.library").isPresent());
        assertEquals(List.of("org.example.user.UserSinkProvider"), sinkProviders(loaded.layer()));
    }

    @Test
    void refusesAJarWhoseModuleIsAlreadyPartOfUrelay() throws Exception {
        Path copy = TestJars.jar(work, plugins.resolve("urelay-spi.jar"), Map.of(
                "module-info.java", "module urelay.spi { }"));

        PluginDirectory.Loaded loaded = load();

        assertSame(urelay, loaded.layer());
        assertEquals(List.of("cannot load plugin " + copy + " (module urelay.spi): module urelay.spi is already"
                + " part of urelay; remove this jar"), loaded.failures().stream().map(LoadFailure::text).toList());
    }

    @Test
    void keepsTheFirstOfTwoJarsWithTheSameModule() throws Exception {
        Path first = TestJars.jar(work, plugins.resolve("hello-1.jar"), TestJars.HELLO_MODULE);
        Path second = Files.copy(first, plugins.resolve("hello-2.jar"));

        PluginDirectory.Loaded loaded = load();

        assertEquals(List.of("cannot load plugin " + second + " (module org.example.hello): module"
                + " org.example.hello is also in " + first + "; keep only one of the two jars"),
                loaded.failures().stream().map(LoadFailure::text).toList());
        assertEquals(List.of("org.example.hello.HelloSinkProvider"), sinkProviders(loaded.layer()));
    }

    @Test
    void ignoresFilesThatAreNotJars() throws Exception {
        Files.writeString(plugins.resolve("README.txt"), "drop plugin jars here");
        Files.writeString(plugins.resolve(".hidden.jar"), "not a zip file");

        PluginDirectory.Loaded loaded = load();

        assertSame(urelay, loaded.layer());
        assertEquals(List.of(), loaded.failures());
    }

    /** A sink plugin, {@code org.example.needy}, that requires a module nobody has. */
    private Path needyJar(String name) throws Exception {
        Path absent = library("org.example.missing", Files.createTempDirectory(work, "lib").resolve("missing.jar"));
        return TestJars.jar(work, plugins.resolve(name), Map.of(
                "module-info.java", """
                        module org.example.needy {
                            requires urelay.spi;
                            requires org.example.missing;
                            provides urelay.spi.SinkProvider with org.example.needy.NeedySinkProvider;
                        }
                        """,
                "org/example/needy/NeedySinkProvider.java",
                TestJars.sinkProvider("org.example.needy.NeedySinkProvider")),
                absent);
    }

    /** A module {@code name} exporting one class, as {@code jar}. */
    private Path library(String name, Path jar) throws Exception {
        return TestJars.jar(work, jar, Map.of(
                "module-info.java", "module " + name + " { exports " + name + "; }",
                name.replace('.', '/') + "/Api.java", "package " + name + "; public class Api {}"));
    }
}

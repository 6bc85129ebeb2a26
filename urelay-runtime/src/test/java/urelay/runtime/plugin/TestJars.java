// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.spi.ToolProvider;
import urelay.spi.SinkProvider;

/**
 * Builds small plugin jars while a test runs, with the JDK's own javac and jar tools: a jar
 * with a {@code module-info.java} is compiled against urelay-spi as a module, any other
 * against it on the class path (a plain jar, which a module layer makes an automatic module).
 */
public final class TestJars {

    /** A sink plugin module, {@code org.example.hello}, whose provider has the type {@code hello}. */
    public static final Map<String, String> HELLO_MODULE = Map.of(
            "module-info.java", """
                    module org.example.hello {
                        requires urelay.spi;
                        exports org.example.hello;
                        provides urelay.spi.SinkProvider with org.example.hello.HelloSinkProvider;
                    }
                    """,
            "org/example/hello/HelloSettings.java", """
                    package org.example.hello;
                    public record HelloSettings(String greeting) {
                    }
                    """,
            "org/example/hello/HelloSinkProvider.java", """
                    package org.example.hello;
                    import urelay.spi.*;
                    public final class HelloSinkProvider implements SinkProvider<HelloSettings> {
                        public String type() { return "hello"; }
                        public Class<HelloSettings> configType() { return HelloSettings.class; }
                        public String summary() { return "Says hello."; }
                        public Sink create(HelloSettings settings, PluginContext context) {
                            return (destination, client) -> new SinkResult.Failed(Outcome.REJECTED, "hello");
                        }
                    }
                    """);

    /** The same sink as {@link #HELLO_MODULE} without a module declaration. */
    public static final Map<String, String> HELLO_PLAIN = Map.of(
            "org/example/hello/HelloSettings.java", HELLO_MODULE.get("org/example/hello/HelloSettings.java"),
            "org/example/hello/HelloSinkProvider.java", HELLO_MODULE.get("org/example/hello/HelloSinkProvider.java"),
            "META-INF/services/urelay.spi.SinkProvider", "org.example.hello.HelloSinkProvider\n");

    private TestJars() {
    }

    /** Source of a sink provider class {@code name} (package and class) whose type is its simple name in lower case. */
    public static String sinkProvider(String name) {
        int dot = name.lastIndexOf('.');
        return """
                package %s;
                import urelay.spi.*;
                public final class %s implements SinkProvider<%2$s.Settings> {
                    public record Settings() {
                    }
                    public String type() { return "%3$s"; }
                    public Class<Settings> configType() { return Settings.class; }
                    public String summary() { return "Test sink."; }
                    public Sink create(Settings settings, PluginContext context) {
                        return (destination, client) -> new SinkResult.Failed(Outcome.REJECTED, "test");
                    }
                }
                """.formatted(name.substring(0, dot), name.substring(dot + 1),
                        name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Compiles {@code files} (paths ending in {@code .java} are sources, the rest are copied as
     * resources) in a fresh directory under {@code work} and packs the result as {@code jar}.
     *
     * @param modulePath more modules (directories or jars) the sources may require
     */
    public static Path jar(Path work, Path jar, Map<String, String> files, Path... modulePath)
            throws IOException, URISyntaxException {
        Path sources = Files.createTempDirectory(work, "src");
        Path classes = Files.createTempDirectory(work, "classes");
        List<String> javac = new ArrayList<>(List.of("-d", classes.toString()));
        List<String> path = new ArrayList<>(List.of(spi().toString()));
        for (Path entry : modulePath) {
            path.add(entry.toString());
        }
        javac.addAll(List.of(files.containsKey("module-info.java") ? "--module-path" : "--class-path",
                String.join(File.pathSeparator, path)));

        for (var file : files.entrySet()) {
            boolean source = file.getKey().endsWith(".java");
            Path target = (source ? sources : classes).resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
            if (source) {
                javac.add(target.toString());
            }
        }
        run("javac", javac);
        run("jar", List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        return jar;
    }

    /** Where urelay-spi's classes are: a directory or a jar, usable on either path. */
    public static Path spi() throws URISyntaxException {
        return Path.of(SinkProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void run(String tool, List<String> arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        int code = ToolProvider.findFirst(tool).orElseThrow().run(print, print, arguments.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException(tool + " failed with " + code + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.TempDirs;
import urelay.e2e.harness.UrelayProcess;

/**
 * A third-party plugin, built here from {@code docs/examples/sink-hello} with the JDK's javac
 * and jar against the urelay-spi jar alone, is dropped into a plugins directory and loaded
 * with {@code --plugins}. Its {@code hello} sink answers every connection itself through a
 * stream of its own, so the connection is relayed on the runtime's copy path.
 *
 * <p>urelay runs in a host namespace of the test with its listener in a private one; the
 * hello sink connects nowhere, so no packet leaves those two namespaces.
 */
@EndToEnd(tools = {"curl"})
class PluginDirectoryIT {

    private static final int PORT = 80;
    private static final String GREETING = "hello through a plugin\n";
    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Path work;
    private static Path plugins;
    private static Netns host;
    private static Netns lan;
    private static UrelayProcess urelay;

    @BeforeAll
    static void buildThePluginAndStartUrelayWithIt() throws IOException {
        work = TempDirs.create("plugins");
        CLEANUP.add(() -> TempDirs.delete(work));
        plugins = Files.createDirectory(work.resolve("plugins"));
        buildExample(plugins.resolve("sink-hello.jar"));

        host = CLEANUP.add(Netns.create("plghost"));
        lan = CLEANUP.add(Netns.create("plglan"));
        lan.addLocalRoutes();

        Path dir = TempDirs.create("urelay");
        Path config = UrelayProcess.writeConfig(dir, helloConfig());
        urelay = CLEANUP.add(UrelayProcess.start(host.command(Image.urelayCommand(
                "run", "--plugins", plugins.toString(), "--config", config.toString())), dir));
        lan.awaitListening(START_LIMIT, PORT);
    }

    @AfterAll
    static void stopUrelay() {
        CLEANUP.close();
    }

    @Test
    void curlInThePrivateNamespaceGetsTheGreetingAndTheAuditNamesTheHelloSink() {
        // The greeting is no HTTP response, so curl is told to take it as an HTTP/0.9 body.
        Curl.Result curl = Curl.get(lan, "http://198.51.100.7/", "--http0.9");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(GREETING, curl.body());

        AuditLine audit = urelay.awaitAudit(AUDIT_LIMIT, "for client " + curl.client(),
                line -> curl.client().equals(line.get("client")));
        assertAll(audit.raw(),
                () -> assertEquals("private", audit.get("listener")),
                () -> assertEquals("198.51.100.7:80", audit.get("dst")),
                () -> assertEquals("hello", audit.get("sink")),
                () -> assertEquals("hello", audit.get("upstream")),
                () -> assertEquals("ok", audit.get("outcome")),
                () -> assertTrue(audit.number("up_bytes") > 0),
                () -> assertEquals(GREETING.length(), audit.number("down_bytes")));
    }

    @Test
    void pluginsListsTheHelloSinkWithItsModule() {
        Command.Result list = Command.run(COMMAND_LIMIT, host.command(Image.urelayCommand(
                "plugins", "--plugins", plugins.toString())));

        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().lines().anyMatch(line -> line.matches(
                "sink +hello +org\\.example\\.urelay\\.hello +.*")), list.out());
    }

    @Test
    void aBrokenJarIsReportedAndUrelayDoesNotStartWithAConfigThatNeedsIt() throws IOException {
        Path broken = Files.createDirectory(work.resolve("broken"));
        Path jar = Files.writeString(broken.resolve("sink-hello.jar"), "not a jar");
        Path config = Files.writeString(work.resolve("broken.yaml"), helloConfig());

        Command.Result run = Command.run(COMMAND_LIMIT, host.command(Image.urelayCommand(
                "run", "--plugins", broken.toString(), "--config", config.toString())));

        assertEquals(2, run.exit(), run.err());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.contains("urelay: plugin problem: cannot load plugin " + jar
                + ": not a usable module: Error reading the jar: zip END header not found"), run.err());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(config + ":")
                && line.contains("unknown sink type \"hello\"")
                && line.contains("not loaded: plugin " + jar + ": not a usable module")), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aPluginsDirectoryThatDoesNotExistIsAnError() {
        Path missing = work.resolve("no-such-directory");

        Command.Result list = Command.run(COMMAND_LIMIT, host.command(Image.urelayCommand(
                "plugins", "--plugins", missing.toString())));

        assertEquals(2, list.exit(), list.err());
        assertEquals("urelay: --plugins " + missing + ": no such directory; give a directory that"
                + " holds plugin jars", list.err().strip());
        assertFalse(list.out().contains("hello"), list.out());
    }

    private static String helloConfig() {
        return "listeners:\n" + Configs.listener("private",
                "{ type: transparent, netns: %s, address: \"::\", ports: [%d] }".formatted(lan.path(), PORT),
                "      - sink: hello\n") + """
                sinks:
                  hello: { type: hello, greeting: "%s" }
                audit: { format: json }
                """.formatted(GREETING.replace("\n", "\\n"));
    }

    /**
     * Compiles the example plugin against the urelay-spi jar the image was built from and packs
     * it into {@code jar}, as docs/plugins.md tells a plugin author to.
     */
    private static void buildExample(Path jar) throws IOException {
        Path source = Path.of(property("urelay.examples")).resolve("sink-hello/src/main/java");
        Path classes = Files.createDirectory(work.resolve("classes"));
        List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", spiJar().toString()));
        try (Stream<Path> files = Files.walk(source)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> javac.add(file.toString()));
        }

        tool("javac", javac);
        tool("jar", List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
    }

    private static Path spiJar() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of(property("urelay.modules")))) {
            return modules.filter(file -> file.getFileName().toString().matches("urelay-spi-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no urelay-spi jar in " + property("urelay.modules") + "; build with mvn package"));
        }
    }

    private static void tool(String name, List<String> arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        int code = ToolProvider.findFirst(name).orElseThrow()
                .run(print, print, arguments.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException(name + " failed with " + code + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through"
                    + " Maven (mvn verify)");
        }
        return value;
    }
}

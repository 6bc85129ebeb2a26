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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's output streams and exit codes; nothing here opens a socket. */
class MainTest {

    private static final String VALID = """
            listeners:
              - name: private
                source: { type: transparent, ports: [80] }
                routes: [ { sink: out } ]
            sinks:
              out: { type: direct }
              no: { type: reject }
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int urelay(String... args) {
        Console console = new Console(Plugins.classPath(getClass().getClassLoader()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return Main.execute(console, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path config(String yaml) throws IOException {
        return Files.writeString(directory.resolve("demo.yaml"), yaml);
    }

    @Test
    void checkOfAValidConfigPrintsOkWithCountsAndExitsZero() throws IOException {
        Path file = config(VALID);

        assertEquals(0, urelay("check", "--config", file.toString()));
        assertEquals(file + ": ok (1 listeners, 2 sinks)\n", out());
        assertEquals("", err());
    }

    @Test
    void checkOfABadConfigPrintsEachProblemOnStandardErrorAndExitsTwo() throws IOException {
        Path file = config(VALID.replace("type: direct", "type: socks").replace("[80]", "[0]"));

        assertEquals(2, urelay("check", "--config", file.toString()));
        assertEquals("", out());
        assertEquals(List.of(
                file + ":3:42: listeners[0].source.ports[0]: 0 is not a port; allowed 1-65535",
                file + ":6:16: sinks.out.type: unknown sink type \"socks\"; known sink types: direct, reject"),
                err().lines().toList());
    }

    @Test
    void checkOfAMissingFileIsOneLineAndExitsTwo() {
        Path missing = directory.resolve("missing.yaml");

        assertEquals(2, urelay("check", "--config", missing.toString()));
        assertEquals(List.of(missing + ":1:1: (document): no such file; give the path of a readable YAML config file"),
                err().lines().toList());
    }

    @Test
    void runOfABadConfigExitsTwoBeforeOpeningAnything() throws IOException {
        Path file = config(VALID.replace("sink: out", "sink: nowhere"));

        assertEquals(2, urelay("run", "--config", file.toString()));
        assertEquals("", out());
        assertEquals(List.of(file + ":4:23: listeners[0].routes[0].sink: no sink named \"nowhere\";"
                + " defined sinks: out, no"), err().lines().toList());
    }

    @Test
    void pluginsListsEveryProviderWithKindTypeModuleAndSummary() {
        assertEquals(0, urelay("plugins"));

        List<String> lines = out().lines().toList();
        assertEquals(6, lines.size());
        assertTrue(lines.get(0).matches("KIND +TYPE +MODULE +SUMMARY"), lines.get(0));
        assertTrue(lines.get(4).matches(
                "sink +direct +\\(class path\\) +Test sink standing in for direct connections\\."), lines.get(4));
    }

    @Test
    void versionIsPrinted() {
        assertEquals(0, urelay("--version"));
        assertTrue(out().startsWith("urelay "), out());
    }

    @Test
    void helpNamesTheCommandsAndExitCodes() {
        assertEquals(0, urelay("--help"));

        assertTrue(out().contains("run"), out());
        assertTrue(out().contains("check"), out());
        assertTrue(out().contains("plugins"), out());
        assertTrue(out().contains("2 bad config"), out());
    }

    @Test
    void missingConfigOptionIsACommandLineErrorWithExitTwo() {
        assertEquals(2, urelay("check"));
        assertTrue(err().contains("--config"), err());
    }

    @Test
    void noCommandIsACommandLineErrorWithExitTwo() {
        assertEquals(2, urelay());
        assertTrue(err().contains("name a command"), err());
    }

    @Test
    void netnsWithABadNameIsOneLineAndExitsTwoBeforeRunningAnything() {
        assertEquals(2, urelay("netns", "prepare", "../etc"));
        assertEquals("", out());
        assertEquals(List.of("urelay netns: \"../etc\" is not a namespace name; allowed 1-64 letters, digits, '.', "
                + "'_' and '-', starting with a letter or a digit"), err().lines().toList());
    }

    @Test
    void netnsPrepareWithABadPortIsOneLineAndExitsTwo() {
        assertEquals(2, urelay("netns", "prepare", "lab", "--tproxy", "99999"));
        assertEquals(List.of("urelay netns: --tproxy: \"99999\" is not a port; allowed 1-65535"),
                err().lines().toList());
    }

    @Test
    void netnsHelpNamesPrepareAndShow() {
        assertEquals(0, urelay("netns", "--help"));

        assertTrue(out().contains("prepare"), out());
        assertTrue(out().contains("show"), out());
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urelay.runtime.plugin.PluginRegistry;

/**
 * {@code --config} naming something other than a small regular file is one problem line,
 * never a hang and never a read into memory of whatever the path produces.
 */
class ConfigFileKindsTest {

    /** Generous: a hang is what fails, not slowness. */
    private static final Duration HANG = Duration.ofSeconds(30);
    private static final String ADVICE = "; give the path of a readable YAML config file";

    @TempDir
    Path directory;

    private final ConfigLoader loader =
            new ConfigLoader(PluginRegistry.load(getClass().getClassLoader()), ConfigFiles.NO_NETWORK);

    private List<String> problems(Path file) {
        ConfigResult result = assertTimeoutPreemptively(HANG, () -> loader.load(file));
        return switch (result) {
            case ConfigResult.Valid valid -> throw new AssertionError("expected problems, got a valid config");
            case ConfigResult.Invalid invalid -> invalid.problems();
        };
    }

    @Test
    void endlessDeviceIsRefusedWithoutReadingIt() {
        assertEquals(List.of("/dev/zero:1:1: (document): is a character device, not a regular file" + ADVICE),
                problems(Path.of("/dev/zero")));
    }

    @Test
    void fifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = directory.resolve("config.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            mkfifo.destroyForcibly();
            throw new AssertionError("mkfifo failed");
        }

        assertEquals(List.of(fifo + ":1:1: (document): is a FIFO, not a regular file" + ADVICE), problems(fifo));
    }

    @Test
    void directoryIsRefused() {
        assertEquals(List.of(directory + ":1:1: (document): is a directory, not a regular file" + ADVICE),
                problems(directory));
    }

    @Test
    void fileLargerThanOneMebibyteIsRefused() throws IOException {
        Path huge = directory.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(ConfigLoader.MAX_BYTES + 1L);
        }

        assertEquals(List.of(huge + ":1:1: (document): the file is larger than 1048576 bytes (1 MiB), the most a"
                + " config may have; give the path of a YAML config file of at most 1 MiB"), problems(huge));
    }

    @Test
    void symbolicLinkToARegularFileIsRead() throws IOException {
        Path real = new ConfigFiles(() -> directory).write(ConfigLoaderProblemsTest.DEMO);
        Path link = Files.createSymbolicLink(directory.resolve("link.yaml"), real);

        assertEquals(ConfigResult.Valid.class, loader.load(link).getClass());
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path latin1 = Files.write(directory.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9});

        assertEquals(List.of(latin1 + ":1:1: (document): the file is not UTF-8 text; save it as UTF-8"),
                problems(latin1));
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The image's {@code bin/urelay} running as a test peer, usually inside a namespace through
 * {@code ip netns exec}. Two virtual threads collect its stdout (audit lines) and stderr
 * (logs) line by line; {@link #close()} stops it with SIGTERM, then SIGKILL after a bounded
 * wait, and removes its temporary directory.
 *
 * <p>Every started process is remembered in {@link #started()} so that
 * {@link DumpUrelayOnFailure} can print its output when a test fails.
 */
public final class UrelayProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);
    private static final List<UrelayProcess> STARTED = new CopyOnWriteArrayList<>();

    private final List<String> command;
    private final Path dir;
    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private boolean closed;

    private UrelayProcess(List<String> command, Path dir, Process process) {
        this.command = List.copyOf(command);
        this.dir = dir;
        this.process = process;
        this.stdoutReader = collect(process.getInputStream(), stdout);
        this.stderrReader = collect(process.getErrorStream(), stderr);
    }

    /**
     * Writes {@code yaml} to a config file and starts {@code urelay run --config FILE} in
     * {@code netns}; then waits until each of {@code listening} has a listener on every
     * port in {@code ports}.
     */
    public static UrelayProcess run(Netns netns, String yaml, List<Netns> listening,
            int... ports) {
        Path dir = TempDirs.create("urelay");
        Path config = writeConfig(dir, yaml);
        UrelayProcess urelay = start(netns.command(Image.urelayCommand(
                "run", "--config", config.toString())), dir);

        try {
            for (Netns side : listening) {
                urelay.awaitListening(side, ports);
            }
            return urelay;
        } catch (RuntimeException | Error e) {
            urelay.close();
            throw e;
        }
    }

    /**
     * Starts {@code command} (which must end up exec'ing the image's launcher) and owns
     * {@code dir}, removing it on close. Does not wait for anything.
     */
    public static UrelayProcess start(List<String> command, Path dir) {
        Process process = Command.start(Command.builder(command));
        UrelayProcess urelay = new UrelayProcess(command, dir, process);
        STARTED.add(urelay);
        return urelay;
    }

    /** Writes {@code yaml} as {@code urelay.yaml} in {@code dir} and returns the file. */
    public static Path writeConfig(Path dir, String yaml) {
        try {
            return Files.writeString(dir.resolve("urelay.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every process started since {@link #forgetStarted()}, for failure dumps. */
    public static List<UrelayProcess> started() {
        return List.copyOf(STARTED);
    }

    /** Forgets the processes remembered by {@link #started()}. */
    public static void forgetStarted() {
        STARTED.clear();
    }

    /** The JVM's process id; the launcher and {@code ip netns exec} both exec, so it is ours. */
    public long pid() {
        return process.pid();
    }

    /** The audit lines written so far, parsed. */
    public List<AuditLine> audit() {
        List<AuditLine> lines = new ArrayList<>();
        for (String line : stdout) {
            if (!line.isBlank()) {
                lines.add(AuditLine.parse(line));
            }
        }
        return lines;
    }

    /** The stdout lines written so far, unparsed. */
    public List<String> stdoutLines() {
        return List.copyOf(stdout);
    }

    /** Everything written to stderr so far. */
    public String stderr() {
        return String.join("\n", stderr);
    }

    /** Waits, at most {@code limit}, for an audit line matching {@code match} and returns it. */
    public AuditLine awaitAudit(Duration limit, String what, Predicate<AuditLine> match) {
        Wait.until(limit, () -> "audit line " + what + describe(),
                () -> audit().stream().anyMatch(match));
        return audit().stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits, at most {@code limit}, until at least {@code count} audit lines are written. */
    public void awaitAuditCount(Duration limit, int count) {
        Wait.until(limit, () -> count + " audit lines (have " + stdout.size() + ")" + describe(),
                () -> stdout.size() >= count);
    }

    /** Waits, at most {@code limit}, for the process to exit by itself; returns its code. */
    public int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("urelay still running after " + limit + describe());
            }
            joinReaders();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Command, state, stdout and stderr, for failure messages. */
    public String describe() {
        String state = process.isAlive() ? "running" : "exited " + process.exitValue();
        return "\n--- urelay pid=" + process.pid() + " " + state + ": " + String.join(" ", command)
                + "\n--- stdout (last 20 lines):\n" + String.join("\n", tail(stdout, 20))
                + "\n--- stderr:\n" + stderr() + "\n---";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;

        try {
            process.destroy();
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("urelay ignored SIGTERM for " + STOP_LIMIT + "; killing it");
                Command.kill(process);
            }
            joinReaders();
        } catch (InterruptedException e) {
            Command.kill(process);
            Thread.currentThread().interrupt();
        } finally {
            TempDirs.delete(dir);
        }
    }

    private void awaitListening(Netns side, int... ports) {
        for (int port : ports) {
            Wait.until(START_LIMIT,
                    () -> "urelay listening on " + port + " in " + side + describe(), () -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("urelay exited early" + describe());
                        }
                        return side.listens(port);
                    });
        }
    }

    private void joinReaders() throws InterruptedException {
        stdoutReader.join(Duration.ofSeconds(5));
        stderrReader.join(Duration.ofSeconds(5));
    }

    private static List<String> tail(List<String> lines, int count) {
        List<String> copy = List.copyOf(lines);
        return copy.subList(Math.max(0, copy.size() - count), copy.size());
    }

    private static Thread collect(InputStream stream, List<String> into) {
        return Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    into.add(line);
                }
            } catch (IOException e) {
                into.add("(harness: reading stopped: " + e + ")");
            }
        });
    }
}

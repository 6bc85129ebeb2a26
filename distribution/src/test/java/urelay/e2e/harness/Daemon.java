// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A long-running real peer (a SOCKS5 server, sshd, an ssh tunnel) started by a test, usually
 * inside a namespace through {@code ip netns exec}, with stdout and stderr going to one log
 * file that failure messages quote.
 *
 * <p>Used from the test thread only. {@link #close()} stops the process with SIGTERM, then
 * SIGKILL after a bounded wait, and kills any child it had forked (danted's workers, sshd's
 * session process) that is still alive. It leaves the log file to whoever owns its directory.
 */
public final class Daemon implements AutoCloseable {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    private final String name;
    private final List<String> command;
    private final Path log;
    private final Process process;
    private boolean closed;

    private Daemon(String name, List<String> command, Path log, Process process) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.process = process;
    }

    /** Starts {@code command}, writing its output to {@code log}; does not wait for anything. */
    public static Daemon start(String name, List<String> command, Path log) {
        Process process = Command.start(Command.builder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()));
        return new Daemon(name, command, log, process);
    }

    /** True while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits, at most {@code limit}, until {@code ready} holds; fails at once, with the log,
     * if the process exits first.
     */
    public Daemon awaitReady(Duration limit, String what, BooleanSupplier ready) {
        Wait.until(limit, () -> name + " " + what + describe(), () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited before " + what + describe());
            }
            return ready.getAsBoolean();
        });
        return this;
    }

    /** Waits, at most {@code limit}, for a TCP listener on {@code port} in {@code netns}. */
    public Daemon awaitListening(Netns netns, Duration limit, int port) {
        return awaitReady(limit, "listening on port " + port + " in " + netns,
                () -> netns.listens(port));
    }

    /** Waits, at most {@code limit}, for a Unix listener at {@code path} in {@code netns}. */
    public Daemon awaitListening(Netns netns, Duration limit, Path path) {
        return awaitReady(limit, "listening at " + path + " in " + netns,
                () -> netns.listens(path));
    }

    /** Name, state, command and log, for failure messages. */
    public String describe() {
        String state = process.isAlive() ? "running" : "exited " + process.exitValue();
        return "\n--- " + name + " pid=" + process.pid() + " " + state + ": "
                + String.join(" ", command) + "\n--- log:\n" + logText() + "\n---";
    }

    /** What the process wrote so far. */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;

        // Children are looked up first: once their parent is gone they belong to init.
        List<ProcessHandle> children = process.descendants().toList();
        try {
            process.destroy();
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                Command.kill(process);
            }
        } catch (InterruptedException e) {
            Command.kill(process);
            Thread.currentThread().interrupt();
        } finally {
            children.stream().filter(ProcessHandle::isAlive)
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }
}

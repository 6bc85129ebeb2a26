// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A test peer from {@code urelay.e2e.peers} running in its own JVM inside a namespace.
 * Peers print {@value #READY} on stdout once they listen or connect; {@link #awaitReady}
 * waits for that line. {@link #close()} kills a peer that is still running.
 */
public final class JavaPeer implements AutoCloseable {

    /** The line a peer prints when it is ready. */
    public static final String READY = "ready";

    private final List<String> command;
    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> stderr = new CompletableFuture<>();
    private final Thread stdoutReader;

    private JavaPeer(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.stdoutReader = Thread.ofVirtual().start(this::readStdout);
        Thread.ofVirtual().start(this::readStderr);
    }

    /** Starts {@code peer} with {@code args} inside {@code netns}. */
    public static JavaPeer start(Netns netns, Class<?> peer, String... args) {
        List<String> command = netns.command(Image.peerCommand(peer, args));
        return new JavaPeer(command, Command.start(Command.builder(command)));
    }

    /** Starts {@code command}, a peer command from {@link Image}, inside {@code netns}. */
    public static JavaPeer start(Netns netns, List<String> command) {
        List<String> inNamespace = netns.command(command);
        return new JavaPeer(inNamespace, Command.start(Command.builder(inNamespace)));
    }

    /** Waits, at most {@code limit}, until the peer printed {@value #READY}. */
    public JavaPeer awaitReady(Duration limit) {
        Wait.until(limit, () -> "peer ready line; stdout " + stdout, () -> {
            if (stdout.contains(READY)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("peer exited " + process.exitValue() + " before ready: "
                        + stdout + " " + stderr.getNow(""));
            }
            return false;
        });
        return this;
    }

    /** Waits, at most {@code limit}, for the peer to exit and returns what it printed. */
    public Command.Result awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                Command.kill(process);
                throw new AssertionError("peer did not exit within " + limit + "; stdout "
                        + stdout);
            }
            stdoutReader.join(Duration.ofSeconds(5));
            String err = stderr.get(5, TimeUnit.SECONDS);
            return new Command.Result(command, process.exitValue(), String.join("\n", stdout),
                    err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not collect the peer's output", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            Command.kill(process);
        }
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                stdout.add(line);
            }
        } catch (IOException e) {
            stdout.add("(harness: reading stopped: " + e + ")");
        }
    }

    private void readStderr() {
        try {
            stderr.complete(new String(process.getErrorStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            stderr.complete("(harness: reading stopped: " + e + ")");
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a short-lived command to completion, bounded in time, and captures its output.
 *
 * <p>Called on the test thread; two virtual threads drain stdout and stderr so a chatty
 * command cannot block on a full pipe. A command still running at the deadline is killed,
 * with its descendants, and reported as a failure.
 */
public final class Command {

    /** Proxy variables that would make curl and friends aim at some other host. */
    private static final List<String> PROXY_VARIABLES = List.of(
            "http_proxy", "https_proxy", "all_proxy", "no_proxy", "ftp_proxy",
            "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "FTP_PROXY");

    /** What a finished command left behind. */
    public record Result(List<String> command, int exit, String out, String err) {

        /** Returns this result, or throws when the command did not exit with 0. */
        public Result orThrow() {
            if (exit != 0) {
                throw new IllegalStateException("command failed exit=" + exit + " command="
                        + String.join(" ", command) + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    private Command() {
    }

    /** Runs {@code command} for at most {@code limit}; throws if it does not exit in time. */
    public static Result run(Duration limit, List<String> command) {
        return run(limit, builder(command));
    }

    /**
     * Runs the command {@code builder} describes (made with {@link #builder}, perhaps given a
     * file as stdin) for at most {@code limit}; throws if it does not exit in time.
     */
    public static Result run(Duration limit, ProcessBuilder builder) {
        List<String> command = List.copyOf(builder.command());
        Process process = start(builder);
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());

        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new IllegalStateException("command did not finish within " + limit + ": "
                        + String.join(" ", command));
            }
            return new Result(List.copyOf(command), process.exitValue(),
                    out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new IllegalStateException("could not read the output of " + command, e);
        }
    }

    /** Runs {@code command} for at most 30 seconds and throws unless it exits with 0. */
    public static Result check(String... command) {
        return run(Duration.ofSeconds(30), List.of(command)).orThrow();
    }

    /**
     * A process builder for {@code command} with the proxy variables removed from its
     * environment, so no tool is steered to a host outside the test's namespaces.
     */
    public static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        PROXY_VARIABLES.forEach(environment::remove);
        return builder;
    }

    /** Starts {@code builder}, turning the checked exception into an unchecked one. */
    public static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + builder.command(), e);
        }
    }

    /** Kills {@code process} and every descendant with SIGKILL and waits a bounded time. */
    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        });
        return text;
    }
}

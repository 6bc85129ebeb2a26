// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs programs with {@link ProcessBuilder}: the exact argument list, no shell, the program
 * looked up on {@code PATH} and in the system directories where {@code ip} and {@code nft}
 * live. Each run is bounded by {@link #LIMIT}. Called on the command's own thread; two
 * virtual threads drain the program's output.
 */
public final class ProcessRunner implements CommandRunner {

    /** How long one program may run before it is killed. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    @Override
    public Optional<String> find(String program) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream().filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    @Override
    public Ran run(List<String> argv, String stdin) throws NetnsException {
        String program = find(argv.getFirst()).orElseThrow(() -> NetnsException.failed(
                argv.getFirst() + " not found on PATH or in " + String.join(", ", SYSTEM_DIRS)));
        List<String> command = new ArrayList<>(argv);
        command.set(0, program);

        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw NetnsException.failed("cannot start " + String.join(" ", argv) + ": " + e.getMessage());
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        feed(process.getOutputStream(), stdin);
        return await(argv, process, out, err);
    }

    private static Ran await(List<String> argv, Process process, CompletableFuture<String> out,
            CompletableFuture<String> err) throws NetnsException {
        try {
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw NetnsException.failed(String.join(" ", argv) + " did not finish within "
                        + LIMIT.toSeconds() + "s");
            }
            return new Ran(List.copyOf(argv), process.exitValue(), out.get(5, TimeUnit.SECONDS),
                    err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw NetnsException.failed("interrupted while running " + String.join(" ", argv));
        } catch (ExecutionException | TimeoutException e) {
            throw NetnsException.failed("cannot read the output of " + String.join(" ", argv));
        }
    }

    private static void feed(OutputStream stdin, String text) {
        try (stdin) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The program closed its input early; its exit code and stderr tell why.
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

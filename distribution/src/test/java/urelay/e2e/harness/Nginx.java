// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * An nginx started by a test inside one of its namespaces, with a config, document roots
 * and logs in a temporary directory that {@link #close()} removes.
 *
 * <p>Each port gets its own document root whose {@code index.html} names the port and a
 * random token, so a test can tell which server answered. Each root also holds
 * {@code big.bin} ({@link #BIG_SIZE} bytes) for transfers that take a while.
 */
public final class Nginx implements AutoCloseable {

    /** Size of {@code /big.bin} under every port. */
    public static final int BIG_SIZE = 512 * 1024;

    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final Netns netns;
    private final Path dir;
    private final Process process;
    private final Map<Integer, String> bodies;
    private final boolean onUnixSockets;

    private Nginx(Netns netns, Path dir, Process process, Map<Integer, String> bodies,
            boolean onUnixSockets) {
        this.netns = netns;
        this.dir = dir;
        this.process = process;
        this.bodies = bodies;
        this.onUnixSockets = onUnixSockets;
    }

    /**
     * Starts nginx in {@code netns} listening on every address in {@code addresses} (as
     * nginx writes them: {@code 198.51.100.7} or {@code [2001:db8:100::7]}) on every port
     * in {@code ports}, and waits until it listens.
     */
    public static Nginx start(Netns netns, List<String> addresses, List<Integer> ports) {
        return start(netns, ports, false, (dir, port) -> addresses.stream()
                .map(address -> address + ":" + port).toList());
    }

    /**
     * Starts nginx in {@code netns} serving, for each of {@code ports}, the same page as on
     * that TCP port but on the Unix socket {@link #socket(int) socket(port)} instead
     * ({@code PORT.sock} in nginx's temporary directory), and waits until it listens.
     */
    public static Nginx startOnUnixSockets(Netns netns, List<Integer> ports) {
        return start(netns, ports, true,
                (dir, port) -> List.of("unix:" + socketIn(dir, port)));
    }

    private static Nginx start(Netns netns, List<Integer> ports, boolean onUnixSockets,
            BiFunction<Path, Integer, List<String>> listens) {
        Path dir = TempDirs.create("nginx");
        try {
            Map<Integer, String> bodies = writeRoots(dir, ports);
            Path config = writeConfig(dir, ports, listens);
            List<String> command = netns.command("nginx", "-p", dir.toString(),
                    "-c", config.toString(), "-e", dir.resolve("error.log").toString());
            Process process = Command.start(Command.builder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile()));

            Nginx nginx = new Nginx(netns, dir, process, bodies, onUnixSockets);
            nginx.awaitListening(ports);
            return nginx;
        } catch (RuntimeException | Error e) {
            TempDirs.delete(dir);
            throw e;
        }
    }

    /** The body served at {@code /} on {@code port}. */
    public String body(int port) {
        return bodies.get(port);
    }

    /** The Unix socket that stands for {@code port} in {@link #startOnUnixSockets}. */
    public Path socket(int port) {
        return socketIn(dir, port);
    }

    /** Stops nginx (SIGTERM, then SIGKILL after a bounded wait) and removes its files. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                Command.kill(process);
            }
        } catch (InterruptedException e) {
            Command.kill(process);
            Thread.currentThread().interrupt();
        } finally {
            TempDirs.delete(dir);
        }
    }

    private void awaitListening(List<Integer> ports) {
        for (int port : ports) {
            Wait.until(START_LIMIT, () -> "nginx on port " + port + " in " + netns + log(), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx exited with " + process.exitValue() + log());
                }
                return onUnixSockets ? netns.listens(socket(port)) : netns.listens(port);
            });
        }
    }

    private String log() {
        try {
            Path errors = dir.resolve("error.log");
            return Files.exists(errors) ? "\nnginx error.log:\n" + Files.readString(errors) : "";
        } catch (IOException e) {
            return "\n(nginx error.log unreadable: " + e + ")";
        }
    }

    private static Map<Integer, String> writeRoots(Path dir, List<Integer> ports) {
        Map<Integer, String> bodies = new HashMap<>();
        byte[] big = new byte[BIG_SIZE];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }

        for (int port : ports) {
            String body = "urelay e2e port=" + port + " token=" + UUID.randomUUID() + "\n";
            Path root = dir.resolve("root-" + port);
            write(root.resolve("index.html"), body.getBytes(StandardCharsets.UTF_8));
            write(root.resolve("big.bin"), big);
            bodies.put(port, body);
        }
        return Map.copyOf(bodies);
    }

    private static Path socketIn(Path dir, int port) {
        return dir.resolve(port + ".sock");
    }

    private static Path writeConfig(Path dir, List<Integer> ports,
            BiFunction<Path, Integer, List<String>> listens) {
        StringBuilder servers = new StringBuilder();
        for (int port : ports) {
            servers.append("    server {\n");
            for (String listen : listens.apply(dir, port)) {
                servers.append("        listen ").append(listen).append(";\n");
            }
            servers.append("        root ").append(dir.resolve("root-" + port)).append(";\n")
                    .append("    }\n");
        }

        // Workers run as root because the document roots sit in a private temporary
        // directory; every temp path points there too, so nginx writes nothing elsewhere.
        String config = """
                daemon off;
                user root root;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    keepalive_timeout 5s;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s}
                """.formatted(dir, servers);
        Path file = dir.resolve("nginx.conf");
        write(file, config.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

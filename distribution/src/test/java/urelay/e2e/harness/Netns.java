// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A network namespace made by a test with {@code ip netns add} and deleted by
 * {@link #close()}, together with anything still running inside it.
 *
 * <p>Names are {@code ur-<random>-<role>}, so tests never meet a namespace they did not
 * make, and a leftover from a crashed run is easy to spot. Interfaces are created inside
 * the namespaces with {@code ip -n}; nothing here touches the machine's own namespace.
 */
public final class Netns implements AutoCloseable {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);

    private final String name;
    private boolean closed;

    private Netns(String name) {
        this.name = name;
    }

    /** Creates a namespace for {@code role} (a short word) with its loopback up. */
    public static Netns create(String role) {
        Netns netns = new Netns(freshName(role));

        Command.check("ip", "netns", "add", netns.name);
        try {
            netns.ip("link", "set", "lo", "up");
        } catch (RuntimeException e) {
            netns.close();
            throw e;
        }
        return netns;
    }

    /**
     * A fresh name of the form this class uses, for a namespace that something else (such
     * as {@code urelay netns prepare}) will create; pass the created one to {@link #adopt}.
     */
    public static String freshName(String role) {
        return "ur-" + randomHex(3) + "-" + role;
    }

    /** Takes charge of namespace {@code name}, made by something else, so {@link #close()} deletes it. */
    public static Netns adopt(String name) {
        return new Netns(name);
    }

    /**
     * Joins {@code a} and {@code b} with a veth pair, both ends up, and returns the pair's
     * interface names.
     */
    public static Veth connect(Netns a, Netns b) {
        String stem = "u" + randomHex(3);
        Veth veth = new Veth(stem + "a", stem + "b");

        a.ip("link", "add", veth.aSide(), "type", "veth", "peer", "name", veth.bSide(),
                "netns", b.name);
        a.ip("link", "set", veth.aSide(), "up");
        b.ip("link", "set", veth.bSide(), "up");
        return veth;
    }

    /** A veth pair's interface names: {@code aSide} in one namespace, {@code bSide} in another. */
    public record Veth(String aSide, String bSide) {
    }

    /** The namespace's name as {@code ip netns} knows it. */
    public String name() {
        return name;
    }

    /** The namespace's bind mount, the form urelay's {@code netns} config key takes. */
    public Path path() {
        return Path.of("/run/netns", name);
    }

    /** Runs {@code ip -n <name> args...} and throws unless it succeeds. */
    public void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        Command.run(COMMAND_LIMIT, command).orThrow();
    }

    /** Adds {@code cidr} to {@code device}; IPv6 addresses skip duplicate detection. */
    public void addAddress(String device, String cidr) {
        if (cidr.contains(":")) {
            ip("-6", "address", "add", cidr, "dev", device, "nodad");
        } else {
            ip("address", "add", cidr, "dev", device);
        }
    }

    /**
     * Makes every IPv4 and IPv6 address local here, the private-side setup urelay's
     * transparent source is built around: a socket on {@code [::]:80} then accepts a
     * connection to any address on port 80.
     */
    public void addLocalRoutes() {
        ip("route", "add", "local", "0.0.0.0/0", "dev", "lo", "table", "main");
        ip("-6", "route", "add", "local", "::/0", "dev", "lo", "table", "main");
    }

    /** {@code ip netns exec <name> argv...}, for a process builder. */
    public List<String> command(String... argv) {
        return command(List.of(argv));
    }

    /** {@code ip netns exec <name> argv...}, for a process builder. */
    public List<String> command(List<String> argv) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name));
        command.addAll(argv);
        return command;
    }

    /** Runs {@code argv} inside this namespace for at most 30 seconds. */
    public Command.Result exec(String... argv) {
        return Command.run(COMMAND_LIMIT, command(argv));
    }

    /** True when a TCP socket in this namespace listens on {@code port}, any address. */
    public boolean listens(int port) {
        String suffix = ":" + port;
        return exec("ss", "-H", "-l", "-t", "-n").orThrow().out().lines()
                .map(line -> line.trim().split("\\s+"))
                .anyMatch(columns -> columns.length >= 4 && columns[3].endsWith(suffix));
    }

    /**
     * True when a Unix stream socket bound to {@code path} listens, as this namespace's
     * {@code ss} sees it: the socket file can exist a moment before {@code listen()}.
     */
    public boolean listens(Path path) {
        String wanted = path.toString();
        return exec("ss", "-H", "-l", "-x", "-n").orThrow().out().lines()
                .map(line -> line.trim().split("\\s+"))
                .anyMatch(columns -> columns.length >= 5 && columns[4].equals(wanted));
    }

    /** Waits, at most {@code limit}, until something here listens on each of {@code ports}. */
    public void awaitListening(Duration limit, int... ports) {
        for (int port : ports) {
            Wait.until(limit, "a listener on port " + port + " in " + name, () -> listens(port));
        }
    }

    /** The inode of the namespace, which identifies it in {@code /proc/PID/ns/net}. */
    public long inode() {
        try {
            return ((Number) Files.getAttribute(path(), "unix:ino")).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills whatever still runs inside the namespace (only the tests start processes in
     * it) and deletes it. Safe to call twice, and on a namespace that was never made.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!Files.exists(path())) {
            return;
        }

        Command.Result pids = Command.run(COMMAND_LIMIT, List.of("ip", "netns", "pids", name));
        pids.out().lines().map(String::trim).filter(line -> !line.isEmpty())
                .map(Long::parseLong)
                .flatMap(pid -> ProcessHandle.of(pid).stream())
                .forEach(ProcessHandle::destroyForcibly);
        Command.run(COMMAND_LIMIT, List.of("ip", "netns", "del", name)).orThrow();
    }

    @Override
    public String toString() {
        return name;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One named namespace as {@code ip} and {@code nft} reach it: {@code ip -n NAME ...} and
 * {@code ip netns exec NAME nft ...}. Neither changes the caller's own namespace: {@code -n}
 * and {@code exec} enter the named one in the child process only.
 */
final class Namespace {

    /** Says why a path is not a namespace file, or nothing when it is one; never blocks. */
    @FunctionalInterface
    interface FileCheck {
        Optional<String> problem(Path path);
    }

    private final NetnsName name;
    private final CommandRunner runner;
    private final FileCheck files;

    Namespace(NetnsName name, CommandRunner runner, FileCheck files) {
        this.name = name;
        this.runner = runner;
        this.files = files;
    }

    NetnsName name() {
        return name;
    }

    /**
     * Whether {@code ip netns list} names this namespace. A name whose file is not a namespace
     * (a FIFO left there, say) is refused here, since {@code ip -n} would wait on it forever.
     */
    boolean exists() throws NetnsException {
        String listed = check(List.of("ip", "netns", "list"), "").out();
        boolean found = listed.lines()
                .map(line -> line.strip().split("\\s+")[0])
                .anyMatch(name.value()::equals);
        Path file = Path.of("/run/netns", name.value());
        Optional<String> problem = found ? files.problem(file) : Optional.empty();
        if (problem.isPresent()) {
            throw NetnsException.failed(file + " " + problem.get() + "; remove it, then make the namespace with"
                    + " urelay netns prepare " + name + " or ip netns add " + name);
        }
        return found;
    }

    /** {@code ip netns add NAME}. */
    void create() throws NetnsException {
        check(List.of("ip", "netns", "add", name.value()), "");
    }

    /** {@code ip -n NAME args...}; its output, or an exception naming the command and its error. */
    String ip(String... args) throws NetnsException {
        return check(ipArgv(args), "").out();
    }

    /** {@code ip netns exec NAME nft args...} with {@code stdin}; its output. */
    String nft(String stdin, String... args) throws NetnsException {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", name.value(), "nft"));
        argv.addAll(List.of(args));
        return check(argv, stdin).out();
    }

    private List<String> ipArgv(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name.value()));
        argv.addAll(List.of(args));
        return argv;
    }

    private CommandRunner.Ran check(List<String> argv, String stdin) throws NetnsException {
        CommandRunner.Ran ran = runner.run(argv, stdin);
        if (!ran.ok()) {
            String reason = ran.err().strip().lines().map(String::strip).reduce((a, b) -> a + "; " + b)
                    .orElse("no message");
            throw NetnsException.failed(String.join(" ", argv) + " failed (exit " + ran.exit() + "): " + reason);
        }
        return ran;
    }
}

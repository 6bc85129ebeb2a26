// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import urelay.runtime.linux.NamespaceFiles;

/**
 * The entry points the {@code urelay netns} commands call: each checks its arguments, the
 * process's privileges and the tools it needs before it runs anything, then prepares or
 * shows the one namespace named. Runs on the calling thread.
 */
public final class NetnsTool {

    private final CommandRunner runner;
    private final PrivilegeCheck privileges;
    private final Namespace.FileCheck files;

    /** Checks the privileges of a process, given the command's name for the message. */
    @FunctionalInterface
    public interface PrivilegeCheck {
        void check(String command) throws NetnsException;
    }

    /** Runs real programs and checks the real process's capabilities. */
    public NetnsTool() {
        this(new ProcessRunner(), Privileges::check, NamespaceFiles::problem);
    }

    /** For tests that script {@code ip}: every namespace {@code ip netns list} names counts as a real one. */
    NetnsTool(CommandRunner runner, PrivilegeCheck privileges) {
        this(runner, privileges, path -> Optional.empty());
    }

    NetnsTool(CommandRunner runner, PrivilegeCheck privileges, Namespace.FileCheck files) {
        this.runner = runner;
        this.privileges = privileges;
        this.files = files;
    }

    /**
     * {@code urelay netns prepare NAME [--tproxy PORT]}.
     *
     * @param name   the namespace's name as typed
     * @param tproxy the port as typed, or null for the local-routes setup
     * @param out    receives one line per step
     */
    public void prepare(String name, String tproxy, Consumer<String> out) throws NetnsException {
        NetnsName netns = NetnsName.parse(name);
        OptionalInt port = tproxy == null ? OptionalInt.empty() : OptionalInt.of(port(tproxy));
        privileges.check("urelay netns prepare");
        require("ip", "iproute2");
        if (port.isPresent()) {
            require("nft", "nftables");
        }

        new Preparation(new Namespace(netns, runner, files), out).prepare(port);
    }

    /** {@code urelay netns show NAME}: prints the namespace's capture setup to {@code out}. */
    public void show(String name, Consumer<String> out) throws NetnsException {
        NetnsName netns = NetnsName.parse(name);
        privileges.check("urelay netns show");
        require("ip", "iproute2");

        new Report(new Namespace(netns, runner, files), runner, out).show();
    }

    private void require(String program, String debianPackage) throws NetnsException {
        if (runner.find(program).isEmpty()) {
            throw NetnsException.failed("the " + program + " command was not found on PATH or in /usr/sbin or /sbin; "
                    + "install it (Debian package " + debianPackage + ")");
        }
    }

    private static int port(String text) throws NetnsException {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw NetnsException.badArguments("--tproxy: \"" + text + "\" is not a port; allowed 1-65535");
        }
        return port;
    }
}

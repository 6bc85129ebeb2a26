// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import urelay.runtime.netns.NetnsException;
import urelay.runtime.netns.NetnsTool;

/**
 * {@code urelay netns prepare NAME [--tproxy PORT]} and {@code urelay netns show NAME}:
 * set up and inspect a named network namespace for capturing connections. Each failure is
 * one line on standard error; exit 2 for bad arguments, 1 for a failed check or command.
 */
@Command(name = "netns", mixinStandardHelpOptions = true,
        description = "Prepare or show a named network namespace (/run/netns/NAME) for capturing connections.",
        footer = {"", "Exit codes: 0 ok, 1 a check or command failed, 2 bad arguments."})
final class NetnsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private NetnsCommand() {
    }

    /** The {@code netns} command with its {@code prepare} and {@code show} subcommands. */
    static CommandLine create(Console console, NetnsTool tool) {
        return new CommandLine(new NetnsCommand())
                .addSubcommand(new Prepare(console, tool))
                .addSubcommand(new Show(console, tool));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: prepare or show");
    }

    private static int report(Console console, NetnsException e) {
        console.err().println("urelay netns: " + e.getMessage());
        return e.badArguments() ? ExitCodes.BAD_CONFIG : ExitCodes.CANNOT_START;
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = {"Make a namespace ready to capture connections.",
                "Creates it if missing and brings lo up, then either adds local routes for 0.0.0.0/0 and ::/0",
                "(every address is local: for the transparent source) or, with --tproxy, an nft TPROXY rule and",
                "policy routing (every address and port to one port: for the tproxy source). What is already",
                "there is kept. Changes only the named namespace."})
    static final class Prepare implements Callable<Integer> {

        private final Console console;
        private final NetnsTool tool;

        @Parameters(index = "0", paramLabel = "NAME", description = "The namespace, as ip netns names it.")
        private String name;

        @Option(names = "--tproxy", paramLabel = "PORT",
                description = "Send TCP arriving on any interface but lo to this port instead of adding local routes.")
        private String tproxy;

        Prepare(Console console, NetnsTool tool) {
            this.console = console;
            this.tool = tool;
        }

        @Override
        public Integer call() {
            try {
                tool.prepare(name, tproxy, console.out()::println);
                return ExitCodes.OK;
            } catch (NetnsException e) {
                return report(console, e);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the namespace's lo state, local routes, policy rules and nft ruleset.")
    static final class Show implements Callable<Integer> {

        private final Console console;
        private final NetnsTool tool;

        @Parameters(index = "0", paramLabel = "NAME", description = "The namespace, as ip netns names it.")
        private String name;

        Show(Console console, NetnsTool tool) {
            this.console = console;
            this.tool = tool;
        }

        @Override
        public Integer call() {
            try {
                tool.show(name, console.out()::println);
                return ExitCodes.OK;
            } catch (NetnsException e) {
                return report(console, e);
            }
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import urelay.runtime.netns.NetnsTool;

/**
 * The {@code urelay} command: {@code run}, {@code check}, {@code plugins}, {@code netns}, {@code --version}
 * and {@code --help}. Plugins come from the module layer urelay runs in (the jlink image's
 * boot layer), or from the class path when urelay is not a named module, as in tests, and
 * from the plugins directory ({@code --plugins}, by default the image's {@code plugins}).
 */
@Command(name = "urelay", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Transparent TCP relay for Linux network namespaces.",
        footer = {"", "Exit codes: 0 ok, 1 cannot start, 2 bad config or command line."})
public final class Main implements Runnable {

    @Spec
    private CommandSpec spec;

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(new Console(Plugins.of(Main.class), System.out, System.err), args));
    }

    /** Runs the command line with {@code console} and returns the exit code. */
    static int execute(Console console, String... args) {
        CommandLine line = new CommandLine(new Main())
                .addSubcommand(new RunCommand(console))
                .addSubcommand(new CheckCommand(console))
                .addSubcommand(new PluginsCommand(console))
                .addSubcommand(new ExplainCommand(console))
                .addSubcommand("netns", NetnsCommand.create(console, new NetnsTool()))
                .setOut(writer(console.out()))
                .setErr(writer(console.err()))
                .setExecutionExceptionHandler((error, failed, parsed) -> {
                    console.err().println("urelay: failed: " + error);
                    return ExitCodes.CANNOT_START;
                });
        return line.execute(args);
    }

    /** Without a subcommand, print the usage and fail as a bad command line does. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, check, plugins or netns");
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }

    /** The version: the module's, as the build recorded it, or {@code dev}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getModule().getDescriptor() == null ? null
                    : Main.class.getModule().getDescriptor().rawVersion().orElse(null);
            if (version == null) {
                version = Main.class.getPackage().getImplementationVersion();
            }
            return new String[] {"urelay " + (version == null ? "dev" : version)};
        }
    }
}

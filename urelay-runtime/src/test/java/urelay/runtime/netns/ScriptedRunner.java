// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link CommandRunner} that runs nothing: it records every argument list (and standard
 * input) and answers from a script keyed by the exact command line; an unscripted command
 * succeeds with no output.
 */
final class ScriptedRunner implements CommandRunner {

    private final Map<String, Ran> script = new LinkedHashMap<>();
    private final List<String> ran = new ArrayList<>();
    private final List<String> stdins = new ArrayList<>();
    private final Set<String> missing = new HashSet<>();

    /** Answers {@code commandLine} (words joined by single spaces) with {@code out} and exit 0. */
    ScriptedRunner answer(String commandLine, String out) {
        script.put(commandLine, new Ran(List.of(commandLine.split(" ")), 0, out, ""));
        return this;
    }

    /** Answers {@code commandLine} with a failure. */
    ScriptedRunner fail(String commandLine, int exit, String err) {
        script.put(commandLine, new Ran(List.of(commandLine.split(" ")), exit, "", err));
        return this;
    }

    /** Makes {@code program} unknown to {@link #find}. */
    ScriptedRunner without(String program) {
        missing.add(program);
        return this;
    }

    /** Every command line run so far, in order. */
    List<String> ran() {
        return List.copyOf(ran);
    }

    /** The standard input of every run, in order. */
    List<String> stdins() {
        return List.copyOf(stdins);
    }

    @Override
    public Optional<String> find(String program) {
        return missing.contains(program) ? Optional.empty() : Optional.of("/usr/sbin/" + program);
    }

    @Override
    public Ran run(List<String> argv, String stdin) {
        String line = String.join(" ", argv);
        ran.add(line);
        stdins.add(stdin);
        return script.getOrDefault(line, new Ran(argv, 0, "", ""));
    }
}

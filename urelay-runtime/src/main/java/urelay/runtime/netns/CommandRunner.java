// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.util.List;
import java.util.Optional;

/** Runs a program with an exact argument list, as {@code ip} and {@code nft} are run here. */
public interface CommandRunner {

    /** What a finished program left behind. */
    record Ran(List<String> argv, int exit, String out, String err) {

        /** True when it exited with 0. */
        public boolean ok() {
            return exit == 0;
        }
    }

    /**
     * Whether {@code program} (a bare name such as {@code ip}) can be run.
     *
     * @return where it was found, or empty
     */
    Optional<String> find(String program);

    /**
     * Runs {@code argv}, whose first element is a bare program name, with {@code stdin} as
     * its standard input (empty for none), and waits for it, bounded in time.
     *
     * @throws NetnsException when the program cannot be started or does not finish in time
     */
    Ran run(List<String> argv, String stdin) throws NetnsException;
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

/** The exit codes of {@code urelay}, as {@code docs/config.md} lists them. */
final class ExitCodes {

    /** Done: the config is valid, or the relay stopped normally. */
    static final int OK = 0;
    /** urelay could not start, such as a port already in use, or a plugin failed to load. */
    static final int CANNOT_START = 1;
    /** The config or the command line is wrong; nothing was opened. */
    static final int BAD_CONFIG = 2;

    private ExitCodes() {
    }
}

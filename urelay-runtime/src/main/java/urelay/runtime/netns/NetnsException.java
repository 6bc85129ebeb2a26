// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

/**
 * Why a {@code urelay netns} command stopped: one line for the user, and whether the
 * arguments were wrong (exit 2) or something failed while acting on them (exit 1).
 */
public final class NetnsException extends Exception {

    private final boolean badArguments;

    private NetnsException(String message, boolean badArguments) {
        super(message, null, false, false);
        this.badArguments = badArguments;
    }

    /** The command line itself is wrong; nothing was done. */
    static NetnsException badArguments(String message) {
        return new NetnsException(message, true);
    }

    /** A check or a command failed. */
    static NetnsException failed(String message) {
        return new NetnsException(message, false);
    }

    /** True when the arguments were wrong rather than a command failing. */
    public boolean badArguments() {
        return badArguments;
    }
}

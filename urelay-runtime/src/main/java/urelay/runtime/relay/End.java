// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.relay;

/**
 * How one direction of a relay ended.
 *
 * @param kind  the case
 * @param errno the error's name when there was one, else {@code -}
 */
record End(Kind kind, String errno) {

    enum Kind {
        /** The source shut down writing; the end was passed on to the target. */
        EOF,
        /** The source reset the connection. */
        SOURCE_RESET,
        /** The target reset the connection or closed its reading side. */
        TARGET_RESET,
        /** Nothing moved either way for the idle timeout. */
        IDLE,
        /** The other direction ended the connection first. */
        ABORTED,
        /** Any other failure. */
        FAILED
    }

    static final End EOF = new End(Kind.EOF, "-");
    static final End ABORTED = new End(Kind.ABORTED, "-");
    static final End IDLE = new End(Kind.IDLE, "-");
}

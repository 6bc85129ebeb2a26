// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.guard;

/** What the guard made of a destination. */
public sealed interface Verdict {

    /** The destination is an ordinary one. */
    record Pass() implements Verdict {
    }

    /**
     * The guard would refuse the destination, but the route's {@code allow} list opens it.
     *
     * @param reason why the guard would have refused it
     * @param range  the allowed range that opened it
     */
    record Opened(String reason, String range) implements Verdict {
    }

    /**
     * The destination is refused.
     *
     * @param reason a short phrase for the audit line, such as {@code loopback}
     */
    record Forbidden(String reason) implements Verdict {
    }

    /** The text for the audit line's guard field. */
    default String auditText() {
        return switch (this) {
            case Pass pass -> "-";
            case Opened opened -> "allowed:" + opened.range() + "(" + opened.reason() + ")";
            case Forbidden forbidden -> "forbidden:" + forbidden.reason();
        };
    }
}

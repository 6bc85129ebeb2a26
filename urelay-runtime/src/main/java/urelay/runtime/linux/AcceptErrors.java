// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

/**
 * Sorts the errors of accepting one client. Those that concern only that client (it reset or
 * went away before urelay looked at it, or {@code accept4} handed over a network error pending
 * on it, as accept(2) says Linux does) are expected under load and worth a debug line at most:
 * a storm of them must not flood the log. Anything else, running out of descriptors above all,
 * is the accept loop's to handle. Stateless.
 */
final class AcceptErrors {

    private static final int EPROTO = 71;
    private static final int ENONET = 64;
    private static final int EOPNOTSUPP = 95;

    private AcceptErrors() {
    }

    /** Whether a failure of {@code accept4} concerns only the one connection, so accepting goes on at once. */
    static boolean onlyThatClient(int errno) {
        return switch (errno) {
            case Errno.ECONNABORTED, Errno.ECONNRESET, Errno.ENETDOWN, Errno.ENETUNREACH, Errno.EHOSTDOWN,
                 Errno.EHOSTUNREACH, Errno.ENOPROTOOPT, EPROTO, ENONET, EOPNOTSUPP -> true;
            default -> false;
        };
    }

    /**
     * Whether a failure while looking at an accepted socket (its addresses, its original
     * destination) means the client is already gone, rather than something to warn about.
     */
    static boolean clientGone(int errno) {
        return switch (errno) {
            case Errno.ENOTCONN, Errno.ECONNRESET, Errno.ECONNABORTED, Errno.EPIPE -> true;
            default -> false;
        };
    }
}

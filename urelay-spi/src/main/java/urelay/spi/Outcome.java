// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * How a relayed connection ended, as the audit line reports it. Sinks report the failure
 * cases through {@link SinkResult.Failed}; the runtime reports the rest.
 */
public enum Outcome {
    /** Bytes were relayed and both sides closed normally. */
    OK("ok"),
    /** The upstream refused the connection (TCP RST on connect, or a proxy's refusal). */
    REFUSED("refused"),
    /** Connecting, a handshake or the idle timer ran out. */
    TIMEOUT("timeout"),
    /** A side reset the connection while bytes were relayed. */
    RESET("reset"),
    /** The upstream's network or host could not be reached. */
    UNREACHABLE("unreachable"),
    /** A rule or a sink turned the connection away on purpose. */
    REJECTED("rejected"),
    /**
     * The guard refused the destination: loopback, link-local, multicast and the like, an
     * address of urelay's own host, or urelay's own listening socket.
     */
    FORBIDDEN("forbidden"),
    /** No route of the listener took the connection. */
    NO_ROUTE("no_route"),
    /** No resolver could say where the client wanted to go. */
    UNRESOLVED("unresolved"),
    /** Anything else: the audit line's detail says what. */
    ERROR("error");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The word the audit line uses. */
    public String label() {
        return label;
    }
}

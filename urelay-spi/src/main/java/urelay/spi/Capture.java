// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * How connections reach a listening socket, which decides how the runtime sets the socket up
 * and where it reads each client's original destination.
 */
public enum Capture {
    /**
     * The namespace's routes make every address local ({@code ip route add local 0.0.0.0/0
     * dev lo}); the accepted socket's local address is the original destination.
     */
    LOCAL,
    /**
     * A TPROXY rule delivers connections for any address; the socket has {@code IP_TRANSPARENT}
     * set before it is bound, and the accepted socket's local address is the original
     * destination.
     */
    TPROXY,
    /**
     * A REDIRECT (or DNAT) rule rewrote the destination; the original one is read with
     * {@code SO_ORIGINAL_DST} (IPv4) or {@code IP6T_SO_ORIGINAL_DST} (IPv6).
     */
    REDIRECT;

    /**
     * The capture named in a config: {@code local}, {@code tproxy} or {@code redirect}.
     *
     * @throws IllegalArgumentException naming the key {@code capture}, the text and what is allowed
     */
    public static Capture parse(String text) {
        return switch (text) {
            case "local" -> LOCAL;
            case "tproxy" -> TPROXY;
            case "redirect" -> REDIRECT;
            default -> throw new IllegalArgumentException("capture: \"" + text
                    + "\" is not a capture mode; allowed local, tproxy, redirect");
        };
    }
}

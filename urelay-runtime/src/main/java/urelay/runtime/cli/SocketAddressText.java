// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import urelay.spi.IpDestination;

/** Parses {@code 198.51.100.7:80} and {@code [2001:db8::7]:443} without looking any name up. */
final class SocketAddressText {

    private static final int ANY_PORT = 50000;

    private SocketAddressText() {
    }

    /**
     * @param portOptional whether a bare address is allowed (it gets port 50000)
     * @return empty when the text is not a literal address with a port from 1 to 65535
     */
    static Optional<InetSocketAddress> parse(String text, boolean portOptional) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            port = rest.startsWith(":") ? rest.substring(1) : rest.isEmpty() ? null : "bad";
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.contains(":")) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        } else {
            host = text;
            port = null;
        }
        if (port == null && !portOptional) {
            return Optional.empty();
        }
        try {
            InetAddress address = IpDestination.parseLiteral(host);
            int number = port == null ? ANY_PORT : Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                return Optional.empty();
            }
            return Optional.of(new InetSocketAddress(address, number));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

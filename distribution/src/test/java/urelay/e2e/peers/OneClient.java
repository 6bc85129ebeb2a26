// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The one connection a test server peer takes: listen, say {@code ready}, accept one client. */
final class OneClient {

    private OneClient() {
    }

    /**
     * Listens on {@code address} and {@code port} (a peer's first two arguments), prints
     * {@code ready}, and returns the first client to connect within a minute; the listening
     * socket is closed by then, so nobody else gets in.
     *
     * @throws java.net.SocketTimeoutException if nobody connected within the minute
     */
    static Socket accept(String address, String port) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(address), Integer.parseInt(port)));
            server.setSoTimeout(60_000);
            System.out.println("ready");
            return server.accept();
        }
    }
}

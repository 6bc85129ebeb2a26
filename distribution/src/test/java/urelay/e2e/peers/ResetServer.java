// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A server that accepts one connection, reads a few bytes of the request and then aborts
 * the connection: SO_LINGER 0 makes close() send a TCP reset instead of a FIN.
 *
 * <p>Usage: {@code ResetServer ADDRESS PORT}. Waits at most 60 seconds for the connection,
 * prints {@code ready} once listening.
 */
public final class ResetServer {

    private ResetServer() {
    }

    public static void main(String[] args) throws IOException {
        InetAddress address = InetAddress.getByName(args[0]);
        int port = Integer.parseInt(args[1]);

        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port));
            server.setSoTimeout(60_000);
            System.out.println("ready");

            Socket client = server.accept();
            client.setSoTimeout(30_000);
            int read = client.getInputStream().read(new byte[4]);
            client.setSoLinger(true, 0);
            client.close();
            System.out.println("reset after reading " + read + " bytes");
        }
    }
}

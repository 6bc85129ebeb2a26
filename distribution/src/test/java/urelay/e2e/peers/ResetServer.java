// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
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
        Socket client = OneClient.accept(args[0], args[1]);
        client.setSoTimeout(30_000);
        int read = client.getInputStream().read(new byte[4]);
        client.setSoLinger(true, 0);
        client.close();
        System.out.println("reset after reading " + read + " bytes");
    }
}

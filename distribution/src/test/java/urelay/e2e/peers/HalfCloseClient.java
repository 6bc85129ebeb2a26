// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client that sends its whole request, shuts down its output (TCP FIN) and only then
 * reads the answer to the end. Prints {@code received=N sha256=HEX} of what it got.
 *
 * <p>Usage: {@code HalfCloseClient HOST PORT REQUEST}. Gives up after 30 seconds of silence.
 */
public final class HalfCloseClient {

    private HalfCloseClient() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        byte[] request = args[2].getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket()) {
            socket.connect(server, 10_000);
            socket.setSoTimeout(30_000);
            System.out.println("ready");

            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            byte[] answer = socket.getInputStream().readAllBytes();
            System.out.println("received=" + answer.length + " sha256=" + Payload.sha256(answer));
        }
    }
}

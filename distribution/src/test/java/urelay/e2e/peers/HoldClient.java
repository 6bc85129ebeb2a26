// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client that connects, waits for the server's {@link #GREETING} (so the whole way to the
 * server is up), prints its local port and {@code ready}, and then holds the connection open,
 * sending nothing, until the other side ends it; prints how it ended ({@link StreamEnd}).
 *
 * <p>Usage: {@code HoldClient HOST PORT}. Waits at most 30 seconds for the greeting and at
 * most 60 seconds for the end.
 */
public final class HoldClient {

    /** What {@link HoldServer} sends first. */
    public static final String GREETING = "hold\n";

    private HoldClient() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));

        try (Socket socket = new Socket()) {
            socket.connect(server, 10_000);
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            byte[] greeting = in.readNBytes(GREETING.length());
            if (!GREETING.equals(new String(greeting, StandardCharsets.UTF_8))) {
                System.out.println("outcome=no-greeting read=" + greeting.length);
                return;
            }

            System.out.println("local_port=" + socket.getLocalPort());
            System.out.println("ready");
            socket.setSoTimeout(60_000);
            System.out.println(StreamEnd.await(in));
        }
    }
}

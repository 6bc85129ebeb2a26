// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server that greets one client with {@link HoldClient#GREETING} and then holds the
 * connection open, sending nothing more, until the other side ends it; prints how it ended
 * ({@link StreamEnd}).
 *
 * <p>Usage: {@code HoldServer ADDRESS PORT}. Prints {@code ready} once listening, waits at
 * most 60 seconds for the connection and at most 60 seconds for its end.
 */
public final class HoldServer {

    private HoldServer() {
    }

    public static void main(String[] args) throws IOException {
        try (Socket client = OneClient.accept(args[0], args[1])) {
            client.setSoTimeout(60_000);
            client.getOutputStream().write(HoldClient.GREETING.getBytes(StandardCharsets.UTF_8));
            System.out.println(StreamEnd.await(client.getInputStream()));
        }
    }
}

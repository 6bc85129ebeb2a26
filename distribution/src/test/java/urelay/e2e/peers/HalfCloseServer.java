// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A server that answers only after the client has finished sending: it reads the request
 * to end of stream, then writes {@code bodySize} pattern bytes followed by the request
 * itself, and closes. A relay that does not pass the client's half-close on never gets an
 * answer through.
 *
 * <p>Usage: {@code HalfCloseServer ADDRESS PORT BODY_SIZE}. Serves one connection, waits at
 * most 60 seconds for it, prints {@code ready} once listening.
 */
public final class HalfCloseServer {

    private HalfCloseServer() {
    }

    public static void main(String[] args) throws IOException {
        int bodySize = Integer.parseInt(args[2]);

        try (Socket client = OneClient.accept(args[0], args[1])) {
            client.setSoTimeout(30_000);
            byte[] request = readToEnd(client.getInputStream());
            OutputStream out = client.getOutputStream();
            out.write(Payload.pattern(bodySize));
            out.write(request);
            out.flush();
            System.out.println("served request=" + request.length);
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        in.transferTo(request);
        return request.toByteArray();
    }
}

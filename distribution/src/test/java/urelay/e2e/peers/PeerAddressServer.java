// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP server that answers every request with the address and port it sees the
 * connection come from ({@code ADDRESS PORT}), so a test learns through curl which source
 * urelay's outbound connection used. Each peer address is also printed on stdout as
 * {@code peer=ADDRESS}.
 *
 * <p>Usage: {@code PeerAddressServer PORT COUNT}. Listens on {@code [::]:PORT}, serves at
 * most COUNT connections, waits at most 120 seconds in all and 10 seconds per connection,
 * prints {@code ready} once listening.
 */
public final class PeerAddressServer {

    private static final int MAX_REQUEST = 16 * 1024;

    private PeerAddressServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + 120_000_000_000L;

        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName("::"), port));
            System.out.println("ready");

            for (int served = 0; served < count && System.nanoTime() < deadline; served++) {
                server.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                try (Socket client = server.accept()) {
                    answer(client);
                } catch (SocketTimeoutException e) {
                    return;
                }
            }
        }
    }

    private static void answer(Socket client) throws IOException {
        client.setSoTimeout(10_000);
        String peer = client.getInetAddress().getHostAddress();
        System.out.println("peer=" + peer);

        readRequestHead(client.getInputStream());
        byte[] body = (peer + " " + client.getPort() + "\n").getBytes(StandardCharsets.US_ASCII);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Reads up to the blank line ending the request head, at most {@value #MAX_REQUEST} bytes. */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int read = 0; read < MAX_REQUEST && matched < end.length; read++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client that sends a short request and then reads, reporting how its connection ended:
 * {@code outcome=reset}, {@code outcome=eof}, {@code outcome=data} or {@code outcome=timeout},
 * followed by the exception message if there was one.
 *
 * <p>Usage: {@code ResetClient HOST PORT}. Reads for at most 30 seconds.
 */
public final class ResetClient {

    private ResetClient() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));

        try (Socket socket = new Socket()) {
            socket.connect(server, 10_000);
            socket.setSoTimeout(30_000);
            System.out.println("ready");
            socket.getOutputStream().write("please reset me\n".getBytes(StandardCharsets.UTF_8));
            System.out.println(outcome(socket.getInputStream()));
        }
    }

    private static String outcome(InputStream in) {
        try {
            return in.read() < 0 ? "outcome=eof" : "outcome=data";
        } catch (SocketTimeoutException e) {
            return "outcome=timeout message=" + e.getMessage();
        } catch (SocketException e) {
            String kind = String.valueOf(e.getMessage()).contains("Connection reset")
                    ? "reset" : "error";
            return "outcome=" + kind + " message=" + e.getMessage();
        } catch (IOException e) {
            return "outcome=error message=" + e;
        }
    }
}

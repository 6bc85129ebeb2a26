// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** How a peer's connection ended, as the {@code outcome=...} line the peers print. */
final class StreamEnd {

    private StreamEnd() {
    }

    /**
     * Reads {@code in} until it ends, within the socket's read timeout, and says how:
     * {@code outcome=eof}, {@code outcome=reset}, {@code outcome=timeout} or
     * {@code outcome=error}, with the bytes read and the exception message if there was one.
     */
    static String await(InputStream in) {
        byte[] buffer = new byte[4096];
        long read = 0;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read += n;
            }
            return "outcome=eof read=" + read;
        } catch (SocketTimeoutException e) {
            return "outcome=timeout read=" + read + " message=" + e.getMessage();
        } catch (SocketException e) {
            String kind = String.valueOf(e.getMessage()).contains("Connection reset")
                    ? "reset" : "error";
            return "outcome=" + kind + " read=" + read + " message=" + e.getMessage();
        } catch (IOException e) {
            return "outcome=error read=" + read + " message=" + e;
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import static urelay.plugin.socks5.Socks5Messages.ATYP_DOMAIN;
import static urelay.plugin.socks5.Socks5Messages.ATYP_IPV4;
import static urelay.plugin.socks5.Socks5Messages.ATYP_IPV6;
import static urelay.plugin.socks5.Socks5Messages.AUTH_VERSION;
import static urelay.plugin.socks5.Socks5Messages.METHOD_NONE;
import static urelay.plugin.socks5.Socks5Messages.METHOD_NONE_ACCEPTABLE;
import static urelay.plugin.socks5.Socks5Messages.METHOD_USERNAME_PASSWORD;
import static urelay.plugin.socks5.Socks5Messages.VERSION;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import urelay.spi.ByteStream;
import urelay.spi.Outcome;
import urelay.spi.SinkResult;

/**
 * Runs the client side of one SOCKS5 handshake on a stream already connected to the proxy:
 * method selection, optional username/password sub-negotiation, and a CONNECT request. Runs on
 * the connection's virtual thread; neither owns nor closes the stream.
 *
 * <p>Every server message is read with a buffer sized to exactly the bytes still missing, so a
 * reply split over many reads is put back together, and bytes the proxy relays right after its
 * reply stay in the stream for the relay.
 */
final class Socks5Handshake {

    private final ByteStream stream;
    private final Optional<Credentials> credentials;
    private final long deadline;

    /** @param limit how long the whole handshake may take, however the proxy paces its bytes */
    Socks5Handshake(ByteStream stream, Optional<Credentials> credentials, Duration limit) {
        this.stream = stream;
        this.credentials = credentials;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /** Bounds the next wait by what is left of the handshake's time. */
    private void boundNextWait() throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("socks5 handshake took longer than its timeout");
        }
        stream.timeout(Duration.ofNanos(left));
    }

    /**
     * Asks the proxy to connect onward.
     *
     * @param request a CONNECT request from {@link Socks5Messages}
     * @return empty when the proxy has connected and the stream now carries the destination's
     *         bytes; otherwise the failure the proxy reported
     * @throws ProtocolException if the proxy broke the protocol or closed the stream mid-message
     * @throws IOException       if the stream failed, including a
     *                           {@link java.net.SocketTimeoutException} when a wait ran out
     */
    Optional<SinkResult.Failed> connect(byte[] request) throws IOException {
        Optional<SinkResult.Failed> refused = selectMethod();
        if (refused.isPresent()) {
            return refused;
        }

        write(request);
        return readReply();
    }

    private Optional<SinkResult.Failed> selectMethod() throws IOException {
        write(Socks5Messages.greeting(credentials.isPresent()));
        ByteBuffer answer = readExactly(2, "method selection");
        checkVersion(answer.get(0), VERSION, "method selection");

        int method = answer.get(1) & 0xff;
        if (method == METHOD_NONE) {
            return Optional.empty();
        }
        if (method == METHOD_USERNAME_PASSWORD && credentials.isPresent()) {
            return authenticate(credentials.get());
        }
        if (method == METHOD_NONE_ACCEPTABLE) {
            return Optional.of(new SinkResult.Failed(Outcome.REFUSED,
                    "socks5 proxy accepts none of the offered methods ("
                            + (credentials.isPresent() ? "none, username/password" : "none") + ")"));
        }
        throw new ProtocolException("socks5 proxy chose method " + method + ", which was not offered");
    }

    private Optional<SinkResult.Failed> authenticate(Credentials credentials) throws IOException {
        byte[] message = Socks5Messages.authentication(credentials);
        try {
            write(message);
        } finally {
            Arrays.fill(message, (byte) 0);
        }

        ByteBuffer answer = readExactly(2, "authentication reply");
        checkVersion(answer.get(0), AUTH_VERSION, "authentication reply");
        return answer.get(1) == 0
                ? Optional.empty()
                : Optional.of(new SinkResult.Failed(Outcome.REFUSED, "authentication failed"));
    }

    private Optional<SinkResult.Failed> readReply() throws IOException {
        ByteBuffer head = readExactly(4, "reply");
        checkVersion(head.get(0), VERSION, "reply");
        int code = head.get(1) & 0xff;
        if (code != 0) {
            return Optional.of(Socks5Reply.failure(code));
        }

        // The bound address and port are of no use to a relay, but must be consumed.
        int type = head.get(3) & 0xff;
        int addressLength = switch (type) {
            case ATYP_IPV4 -> 4;
            case ATYP_IPV6 -> 16;
            case ATYP_DOMAIN -> readExactly(1, "reply").get(0) & 0xff;
            default -> throw new ProtocolException("socks5 reply has address type " + type
                    + "; allowed 1, 3 or 4");
        };
        readExactly(addressLength + 2, "reply");
        return Optional.empty();
    }

    private void write(byte[] message) throws IOException {
        boundNextWait();
        stream.write(ByteBuffer.wrap(message));
    }

    /** Reads exactly {@code length} bytes, never one more. */
    private ByteBuffer readExactly(int length, String message) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            boundNextWait();
            if (stream.read(buffer) < 0) {
                throw new ProtocolException(
                        "socks5 proxy closed the connection in the middle of the " + message);
            }
        }
        return buffer.flip();
    }

    private static void checkVersion(byte found, int expected, String message) throws ProtocolException {
        if ((found & 0xff) != expected) {
            throw new ProtocolException("socks5 " + message + " has version " + (found & 0xff)
                    + "; expected " + expected);
        }
    }
}

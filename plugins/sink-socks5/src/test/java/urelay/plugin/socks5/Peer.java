// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Test fixture: the proxy's end of one connection, for a {@link ScriptedProxy} script. Used
 * by the script's thread only.
 */
final class Peer {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    Peer(SocketChannel channel) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    /** Reads exactly {@code length} bytes, failing if the client ends the stream first. */
    byte[] read(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("client sent " + bytes.length + " of " + length + " bytes, then ended");
        }
        return bytes;
    }

    /** Sends the bytes in one write. */
    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the bytes in one write. */
    void send(int... bytes) throws IOException {
        send(Bytes.of(bytes));
    }

    /** Sends each byte in a write of its own, a little apart, so the client reads them one by one. */
    void sendByteByByte(byte[] bytes) throws IOException, InterruptedException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(3);
        }
    }

    /** Sends text in one write. */
    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Waits until the client ends the connection, by close or reset.
     *
     * @return whether it ended without sending another byte first
     */
    boolean awaitEndWithoutMoreBytes() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Closes the connection, as a proxy that gives up does. */
    void hangUp() throws IOException {
        channel.close();
    }

    /** Blocks until the client goes away; for a proxy that never answers. */
    void stayQuiet() {
        awaitEndWithoutMoreBytes();
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import urelay.spi.IpDestination;

/**
 * Encodes the messages a SOCKS5 client sends (RFC 1928 sections 3 and 4, RFC 1929 section 2).
 * Stateless; any thread.
 */
final class Socks5Messages {

    static final int VERSION = 0x05;
    static final int METHOD_NONE = 0x00;
    static final int METHOD_USERNAME_PASSWORD = 0x02;
    static final int METHOD_NONE_ACCEPTABLE = 0xFF;
    static final int AUTH_VERSION = 0x01;
    static final int COMMAND_CONNECT = 0x01;
    static final int ATYP_IPV4 = 0x01;
    static final int ATYP_DOMAIN = 0x03;
    static final int ATYP_IPV6 = 0x04;
    static final int MAX_DOMAIN_BYTES = 255;

    private Socks5Messages() {
    }

    /** The method selection message: "none", and "username/password" when credentials are set. */
    static byte[] greeting(boolean offerUsernamePassword) {
        return offerUsernamePassword
                ? new byte[] {VERSION, 2, METHOD_NONE, METHOD_USERNAME_PASSWORD}
                : new byte[] {VERSION, 1, METHOD_NONE};
    }

    /** The RFC 1929 request; the caller wipes the returned array once it is written. */
    static byte[] authentication(Credentials credentials) {
        byte[] username = credentials.username().getBytes(StandardCharsets.UTF_8);
        byte[] password = credentials.password().getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[3 + username.length + password.length];
        message[0] = AUTH_VERSION;
        message[1] = (byte) username.length;
        System.arraycopy(username, 0, message, 2, username.length);
        message[2 + username.length] = (byte) password.length;
        System.arraycopy(password, 0, message, 3 + username.length, password.length);
        Arrays.fill(password, (byte) 0);
        return message;
    }

    /** A CONNECT request to an IPv4 (ATYP 1) or IPv6 (ATYP 4) address; a scope id is left out. */
    static byte[] connect(IpDestination destination) {
        int type = destination.address() instanceof Inet4Address ? ATYP_IPV4 : ATYP_IPV6;
        return connect(type, destination.address().getAddress(), destination.port());
    }

    /**
     * A CONNECT request to a domain name (ATYP 3).
     *
     * @param name the name's bytes, 1 to {@value #MAX_DOMAIN_BYTES}
     */
    static byte[] connect(byte[] name, int port) {
        byte[] field = new byte[1 + name.length];
        field[0] = (byte) name.length;
        System.arraycopy(name, 0, field, 1, name.length);
        return connect(ATYP_DOMAIN, field, port);
    }

    private static byte[] connect(int type, byte[] address, int port) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(6 + address.length);
        message.write(VERSION);
        message.write(COMMAND_CONNECT);
        message.write(0x00);
        message.write(type);
        message.writeBytes(address);
        message.write(port >>> 8);
        message.write(port & 0xff);
        return message.toByteArray();
    }
}

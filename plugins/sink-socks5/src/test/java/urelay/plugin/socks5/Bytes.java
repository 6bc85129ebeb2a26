// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: builds byte arrays from numbers and text. */
final class Bytes {

    private Bytes() {
    }

    /** The numbers as bytes: {@code of(5, 0xff)}. */
    static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** The parts, each an {@code int}, {@code byte[]} or ASCII {@code String}, one after another. */
    static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            switch (part) {
                case Integer value -> out.write(value);
                case byte[] bytes -> out.writeBytes(bytes);
                case String text -> out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
                default -> throw new IllegalArgumentException("cannot turn " + part + " into bytes");
            }
        }
        return out.toByteArray();
    }
}

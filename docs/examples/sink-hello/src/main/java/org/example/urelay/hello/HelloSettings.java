// SPDX-License-Identifier: Apache-2.0
package org.example.urelay.hello;

import java.nio.charset.StandardCharsets;

/**
 * The settings of a {@code hello} sink, bound from its YAML block:
 *
 * <pre>{@code
 * sinks:
 *   greeter: { type: hello, greeting: "hello from urelay\n" }
 * }</pre>
 *
 * A component {@code fooBar} would be written {@code foo-bar} in YAML. A key left out arrives as
 * {@code null}, so the compact constructor fills in the default.
 *
 * @param greeting the text every client receives, sent as UTF-8
 */
public record HelloSettings(String greeting) {

    /** The greeting when the config gives none. */
    public static final String DEFAULT_GREETING = "hello from urelay\n";

    /** Bounds the greeting, since every connection gets a copy. */
    private static final int MAX_BYTES = 64 * 1024;

    public HelloSettings {
        if (greeting == null) {
            greeting = DEFAULT_GREETING;
        }
        // A message that starts with the key and ": " is shown at that key of the config file.
        if (greeting.isEmpty()) {
            throw new IllegalArgumentException("greeting: is empty; write the text to send, or leave the key out");
        }
        int bytes = greeting.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("greeting: is " + bytes + " bytes long; allowed up to " + MAX_BYTES);
        }
    }
}

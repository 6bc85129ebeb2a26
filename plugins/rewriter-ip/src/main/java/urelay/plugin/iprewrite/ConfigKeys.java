// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts the YAML key in front of a value's error message, so a config error reads
 * {@code to: "fd00::/48" has length 48 ...}. The value types themselves know nothing of keys.
 */
final class ConfigKeys {

    private ConfigKeys() {
    }

    /** Reads {@code text} with {@code parser}; an error names {@code key}. */
    static <T> T read(String key, String text, Function<String, T> parser) {
        return under(key, () -> parser.apply(text));
    }

    /** Builds a value; an {@link IllegalArgumentException} from {@code build} names {@code key}. */
    static <T> T under(String key, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}

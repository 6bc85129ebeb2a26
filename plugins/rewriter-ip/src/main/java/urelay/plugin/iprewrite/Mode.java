// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.Arrays;

/** The values of the {@code mode} key: which {@link Mapping} an {@code ip-rewrite} entry makes. */
enum Mode {
    NAT64("nat64"),
    NAT46("nat46"),
    PREFIX_MAP("prefix-map"),
    PORT_MAP("port-map");

    private static final String ALLOWED = "allowed nat64, nat46, prefix-map or port-map";

    private final String key;

    Mode(String key) {
        this.key = key;
    }

    /**
     * The mode written {@code text} in YAML.
     *
     * @throws IllegalArgumentException naming the {@code mode} key and the modes allowed
     */
    static Mode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("mode: missing; " + ALLOWED);
        }
        return Arrays.stream(values())
                .filter(mode -> mode.key.equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mode: \"" + text + "\" is not a mode; " + ALLOWED));
    }

    /** Whether the mode reads {@code prefix} (the NAT64 modes) rather than {@code from} and {@code to}. */
    boolean takesPrefix() {
        return switch (this) {
            case NAT64, NAT46 -> true;
            case PREFIX_MAP, PORT_MAP -> false;
        };
    }

    /** The mode as written in YAML. */
    @Override
    public String toString() {
        return key;
    }
}

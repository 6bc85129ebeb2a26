// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.function.Function;

/**
 * The YAML block of an {@code ip-rewrite} entry, without its {@code type} key.
 *
 * <pre>{@code
 * - { type: ip-rewrite, mode: nat64, prefix: "64:ff9b::/96", match: { cidr: ["0.0.0.0/0"] } }
 * - { type: ip-rewrite, mode: nat46, prefix: "64:ff9b::/96" }
 * - { type: ip-rewrite, mode: prefix-map, from: "2001:db8:1::/64", to: "fd00:5::/64" }
 * - { type: ip-rewrite, mode: port-map, from: "8000-8099", to: "9000-9099" }
 * }</pre>
 *
 * <p>These key names are a contract with users' config files: new keys may be added, none
 * renamed.
 *
 * @param mode   {@code nat64}, {@code nat46}, {@code prefix-map} or {@code port-map}
 * @param prefix for {@code nat64} and {@code nat46}: the NAT64 prefix, of length 32, 40, 48,
 *               56, 64 or 96; default {@code 64:ff9b::/96}
 * @param from   for {@code prefix-map}: a prefix; for {@code port-map}: a port or a run
 *               {@code FIRST-LAST}
 * @param to     where {@code from} maps to: a prefix of the same family and length, or a run
 *               of the same size
 * @param match  which IP destinations the entry applies to; absent for all
 */
public record IpRewriteConfig(String mode, String prefix, String from, String to, MatchConfig match) {

    /** The NAT64 prefix used when {@code prefix} is absent: the well-known prefix of RFC 6052. */
    static final String DEFAULT_PREFIX = "64:ff9b::/96";

    /** @throws IllegalArgumentException naming the key, the value found and what is allowed */
    public IpRewriteConfig {
        Mode parsed = Mode.parse(mode);
        prefix = prefix == null && parsed.takesPrefix() ? DEFAULT_PREFIX : prefix;
        match = match == null ? new MatchConfig(null, null) : match;
        mapping(parsed, prefix, from, to);
    }

    /** The rewrite this entry makes. */
    Mapping mapping() {
        return mapping(Mode.parse(mode), prefix, from, to);
    }

    /** The destinations this entry applies to. */
    DestinationMatch destinationMatch() {
        return match.destinationMatch();
    }

    private static Mapping mapping(Mode mode, String prefix, String from, String to) {
        if (mode.takesPrefix()) {
            unused("from", from, mode, "allowed only with prefix-map or port-map; " + mode + " takes prefix");
            unused("to", to, mode, "allowed only with prefix-map or port-map; " + mode + " takes prefix");
        } else {
            unused("prefix", prefix, mode, "allowed only with nat64 or nat46; " + mode + " takes from and to");
        }

        return switch (mode) {
            case NAT64 -> new Nat64Mapping(nat64(prefix));
            case NAT46 -> new Nat46Mapping(nat64(prefix));
            case PREFIX_MAP -> prefixMapping(from, to);
            case PORT_MAP -> portMapping(from, to);
        };
    }

    private static Nat64 nat64(String prefix) {
        return ConfigKeys.read("prefix", prefix, text -> new Nat64(IpPrefix.parse(text)));
    }

    private static PrefixMapping prefixMapping(String from, String to) {
        IpPrefix source = required("from", from, Mode.PREFIX_MAP, "a prefix such as 2001:db8:1::/64", IpPrefix::parse);
        IpPrefix target = required("to", to, Mode.PREFIX_MAP, "a prefix such as fd00:5::/64", IpPrefix::parse);
        return ConfigKeys.under("to", () -> new PrefixMapping(source, target));
    }

    private static PortMapping portMapping(String from, String to) {
        PortRange source = required("from", from, Mode.PORT_MAP, "a port or range such as 8000-8099", PortRange::parse);
        PortRange target = required("to", to, Mode.PORT_MAP, "a port or range such as 9000-9099", PortRange::parse);
        return ConfigKeys.under("to", () -> new PortMapping(source, target));
    }

    private static void unused(String key, String value, Mode mode, String allowed) {
        if (value != null) {
            throw new IllegalArgumentException(key + ": \"" + value + "\" is not used by mode " + mode + "; "
                    + allowed);
        }
    }

    private static <T> T required(String key, String text, Mode mode, String allowed, Function<String, T> parser) {
        if (text == null) {
            throw new IllegalArgumentException(key + ": missing; mode " + mode + " needs " + allowed);
        }
        return ConfigKeys.read(key, text, parser);
    }
}

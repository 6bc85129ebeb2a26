// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.List;
import java.util.function.Function;

/**
 * The optional {@code match} block of an {@code ip-rewrite} entry: the entry rewrites only
 * IP destinations whose address is in one of the prefixes and whose port is in one of the
 * runs. An absent or empty list puts no limit on its part.
 *
 * <pre>{@code
 * match: { cidr: ["192.0.2.0/24", "2001:db8::/32"], port: [80, "8000-8099"] }
 * }</pre>
 *
 * @param cidr prefixes written {@code ADDRESS/LENGTH}; an IPv4 prefix never matches an IPv6
 *             destination, nor the other way round
 * @param port ports or runs written {@code PORT} or {@code FIRST-LAST}, each within 1-65535
 */
public record MatchConfig(List<String> cidr, List<String> port) {

    /** @throws IllegalArgumentException naming the key ({@code match.cidr} or {@code match.port}) and the value */
    public MatchConfig {
        cidr = entries("match.cidr", cidr, IpPrefix::parse, "[\"192.0.2.0/24\"]");
        port = entries("match.port", port, PortRange::parse, "[80, \"8000-8099\"]");
    }

    /** The limits as values. */
    DestinationMatch destinationMatch() {
        return new DestinationMatch(cidr.stream().map(IpPrefix::parse).toList(),
                port.stream().map(PortRange::parse).toList());
    }

    private static List<String> entries(String key, List<String> texts, Function<String, ?> parser, String example) {
        if (texts == null) {
            return List.of();
        }
        for (String text : texts) {
            if (text == null) {
                throw new IllegalArgumentException(key + ": an entry is empty; allowed a list of values such as "
                        + example);
            }
            ConfigKeys.read(key, text, parser);
        }
        return List.copyOf(texts);
    }
}

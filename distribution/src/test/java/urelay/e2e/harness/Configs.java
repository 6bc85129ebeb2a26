// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.util.Arrays;
import java.util.stream.Collectors;

/** YAML configs for urelay, in the documented shape, built from a few common pieces. */
public final class Configs {

    private Configs() {
    }

    /**
     * A whole config: the given listener blocks, one direct sink named {@code out} and the
     * audit format ({@code json} or {@code plain}).
     */
    public static String config(String auditFormat, String... listeners) {
        return configWithSinks(auditFormat, "", listeners);
    }

    /**
     * A whole config like {@link #config(String, String...)}, with more sinks after
     * {@code out}: {@code sinks} holds their lines, each indented by two spaces, such as
     * {@code "  block: { type: reject }\n"}.
     */
    public static String configWithSinks(String auditFormat, String sinks, String... listeners) {
        return "listeners:\n" + String.join("", listeners) + """
                sinks:
                  out: { type: direct, connect-timeout: 5s }
                %saudit: { format: %s }
                """.formatted(sinks, auditFormat);
    }

    /**
     * A listener block: transparent source in {@code netns} on {@code [::]} and
     * {@code ports}, original-destination resolver, every connection to sink {@code out}.
     */
    public static String transparentListener(String name, Netns netns, int... ports) {
        return listener(name, transparentSource(netns, ports), "      - sink: out\n");
    }

    /** A transparent source (YAML flow mapping) in {@code netns} on {@code [::]}, {@code ports}. */
    public static String transparentSource(Netns netns, int... ports) {
        return "{ type: transparent, netns: %s, address: \"::\", ports: [%s] }"
                .formatted(netns.path(), join(ports));
    }

    /**
     * A listener block with the given source (a YAML flow mapping) and route lines (each
     * starting with six spaces and a dash).
     */
    public static String listener(String name, String source, String routes) {
        return """
                  - name: %s
                    source: %s
                    resolvers: [ { type: original-destination } ]
                    rewriters: []
                    routes:
                %s""".formatted(name, source, routes);
    }

    private static String join(int... ports) {
        return Arrays.stream(ports).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }
}

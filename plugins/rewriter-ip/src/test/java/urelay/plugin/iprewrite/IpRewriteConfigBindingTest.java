// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The YAML shapes users write bind to {@link IpRewriteConfig} under the runtime's rules: kebab
 * keys, no deep reflection, unknown keys refused, the {@code type} key taken off first.
 */
class IpRewriteConfigBindingTest {

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
            .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static List<IpRewriteConfig> bind(String yaml) throws Exception {
        List<Map<String, Object>> entries = MAPPER.readValue(yaml, new TypeReference<>() { });
        return entries.stream().map(entry -> {
            assertEquals("ip-rewrite", entry.remove("type"));
            return MAPPER.convertValue(entry, IpRewriteConfig.class);
        }).toList();
    }

    @Test
    void bindsTheFourDocumentedModes() throws Exception {
        List<IpRewriteConfig> configs = bind("""
                - { type: ip-rewrite, mode: nat64, prefix: "64:ff9b::/96", match: { cidr: ["0.0.0.0/0"] } }
                - { type: ip-rewrite, mode: nat46, prefix: "64:ff9b::/96" }
                - { type: ip-rewrite, mode: prefix-map, from: "2001:db8:1::/64", to: "fd00:5::/64" }
                - { type: ip-rewrite, mode: port-map, from: "8000-8099", to: "9000-9099" }
                """);

        assertEquals(List.of(
                new IpRewriteConfig("nat64", "64:ff9b::/96", null, null, new MatchConfig(List.of("0.0.0.0/0"), null)),
                new IpRewriteConfig("nat46", "64:ff9b::/96", null, null, null),
                new IpRewriteConfig("prefix-map", null, "2001:db8:1::/64", "fd00:5::/64", null),
                new IpRewriteConfig("port-map", null, "8000-8099", "9000-9099", null)), configs);
    }

    @Test
    void acceptsPortsWrittenAsYamlNumbers() throws Exception {
        IpRewriteConfig config = bind("""
                - type: ip-rewrite
                  mode: port-map
                  from: 80
                  to: 8080
                  match: { port: [80, 443, "8000-8099"] }
                """).getFirst();

        assertEquals(new PortMapping(new PortRange(80, 80), new PortRange(8080, 8080)), config.mapping());
        assertEquals(List.of("80", "443", "8000-8099"), config.match().port());
    }

    /** The runtime reports the message of the exception the record's constructor threw. */
    @Test
    void reportsAValidationErrorWithTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> bind("- { type: ip-rewrite, mode: nat64, prefix: \"64:ff9b::/95\" }"));

        Throwable failed = e;
        while (!(failed instanceof ValueInstantiationException)) {
            failed = failed.getCause();
        }
        IllegalArgumentException thrown = assertInstanceOf(IllegalArgumentException.class, failed.getCause());
        assertEquals("prefix: \"64:ff9b::/95\" has length 95; allowed 32, 40, 48, 56, 64 or 96"
                + " (the layouts of RFC 6052)", thrown.getMessage());
    }
}

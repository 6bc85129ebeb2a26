// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapper binds public records through their public constructors only, with the runtime's value rules. */
class ConfigMapperTest {

    /** Public, like a plugin's config record in an exported package. */
    public record Settings(Duration connectTimeout, InetAddress bindAddress, InetSocketAddress proxy,
            List<Integer> ports) {
    }

    /** Not public: binding it would need access checks switched off. */
    record Hidden(int port) {
    }

    private final ObjectMapper mapper = ConfigMapper.create();

    @Test
    void doesNotOverrideAccessModifiers() {
        assertFalse(mapper.isEnabled(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS));
        assertFalse(mapper.isEnabled(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS));
    }

    @Test
    void bindsAPublicRecordWithKebabCaseKeys() throws Exception {
        Settings settings = mapper.readValue("""
                {"connect-timeout": "250ms", "bind-address": "2001:db8::1", "proxy": "[2001:db8::2]:1080",
                 "ports": [80, 443]}
                """, Settings.class);

        assertEquals(new Settings(Duration.ofMillis(250), InetAddress.ofLiteral("2001:db8::1"),
                new InetSocketAddress(InetAddress.ofLiteral("2001:db8::2"), 1080), List.of(80, 443)), settings);
    }

    @Test
    void refusesARecordItCouldOnlyReachByDeepReflection() {
        var error = assertThrows(ValueInstantiationException.class,
                () -> mapper.readValue("{\"port\": 80}", Hidden.class));

        assertInstanceOf(IllegalAccessException.class, error.getCause());
    }

    @Test
    void refusesHostNamesSoNothingIsLookedUp() {
        var error = assertThrows(BadValueException.class,
                () -> mapper.readValue("{\"proxy\": \"proxy.example:1080\"}", Settings.class));

        assertEquals("\"proxy.example:1080\" is not an IP address and port;"
                + " write ADDRESS:PORT such as 192.0.2.1:1080 or [2001:db8::1]:1080", error.getOriginalMessage());
    }
}

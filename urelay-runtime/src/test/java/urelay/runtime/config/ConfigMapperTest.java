// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import urelay.spi.BindProfile;

/** The mapper binds public records through their public constructors only, with the runtime's value rules. */
class ConfigMapperTest {

    /** Public, like a plugin's config record in an exported package. */
    public record Settings(Duration connectTimeout, InetAddress bindAddress, InetSocketAddress proxy,
            List<Integer> ports) {
    }

    /** A plugin's settings with a bind block of their own. */
    public record Binding(BindProfile bind) {
    }

    /** Ports as the transparent source takes them: numbers or words, one or a list. */
    public record Ports(List<String> ports) {
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

    @Test
    void bindBlockInsideAPluginRecordTakesInterfaceForTheDevice() throws Exception {
        Binding binding = mapper.readValue("""
                {"bind": {"address": "192.0.2.1", "interface": "eth1", "fwmark": 16, "freebind": true}}
                """, Binding.class);

        assertEquals(new BindProfile("192.0.2.1", "eth1", 16L, true, null), binding.bind());
    }

    @Test
    void fwmarkIsReadInDecimalOrAsHex() throws Exception {
        for (var example : List.of("\"0x10\"", "\"0X10\"", "\"16\"", "16")) {
            Binding binding = mapper.readValue("{\"bind\": {\"fwmark\": " + example + "}}", Binding.class);

            assertEquals(16L, binding.bind().fwmark(), example);
        }
        assertEquals(0xffff_ffffL, mapper.readValue("{\"bind\": {\"fwmark\": \"0xffffffff\"}}", Binding.class)
                .bind().fwmark());
    }

    @Test
    void fwmarkOutsideThirtyTwoBitsIsRefusedAtTheKey() {
        var error = assertThrows(BadValueException.class,
                () -> mapper.readValue("{\"bind\": {\"fwmark\": 4294967296}}", Binding.class));

        assertEquals("4294967296 is out of range; allowed 0 to 4294967295, in decimal or as 0x-hex such as 0x10",
                error.getOriginalMessage());
        assertEquals("bind.fwmark", path(error));
    }

    @Test
    void unknownBindKeyListsTheBindKeys() {
        var error = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"bind\": {\"device\": \"eth1\"}}", Binding.class));

        assertEquals(List.of("address", "interface", "fwmark", "freebind", "transparent"),
                List.copyOf(error.getKnownPropertyIds()));
        assertEquals("bind.device", path(error));
    }

    @Test
    void bindProfilesOwnRefusalIsPlacedAtTheKeyItNames() {
        var error = assertThrows(BadValueException.class,
                () -> mapper.readValue("{\"bind\": {\"interface\": \"eth/1\"}}", Binding.class));

        assertEquals("\"eth/1\" is not an interface name; allowed 1-15 characters without '/', ':' or spaces",
                error.getOriginalMessage());
        assertEquals("bind.interface", path(error));
    }

    private static String path(JsonMappingException error) {
        return error.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .collect(Collectors.joining("."));
    }

    @Test
    void singleValueWhereAListBelongsIsAListOfOne() throws Exception {
        assertEquals(new Ports(List.of("default")), mapper.readValue("{\"ports\": \"default\"}", Ports.class));
        assertEquals(new Ports(List.of("443")), mapper.readValue("{\"ports\": 443}", Ports.class));
        assertEquals(new Settings(null, null, null, List.of(80)), mapper.readValue("{\"ports\": 80}", Settings.class));
    }

    @Test
    void numbersInATextListAreReadAsTheirDigits() throws Exception {
        assertEquals(new Ports(List.of("53", "default", "8080")),
                mapper.readValue("{\"ports\": [53, \"default\", 8080]}", Ports.class));
    }
}

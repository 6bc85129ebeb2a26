// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.Serial;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import urelay.spi.BindProfile;
import urelay.spi.IpDestination;

/**
 * Builds the {@link ObjectMapper} that binds a plugin's YAML block to its config record.
 *
 * <p>It never uses deep reflection: access checks stay on, so a config record only needs to
 * be public in an exported package and the plugin module need not open anything. Keys are
 * kebab case, unknown keys are errors, and durations, addresses, paths and {@code bind}
 * blocks are read by the runtime's own rules: addresses must be literals, so reading a config
 * never asks DNS.
 */
final class ConfigMapper {

    private ConfigMapper() {
    }

    static ObjectMapper create() {
        SimpleModule values = new SimpleModule("urelay-config-values");
        values.addDeserializer(Duration.class, new TextDeserializer<>(Duration.class, ConfigMapper::duration));
        values.addDeserializer(InetAddress.class, new TextDeserializer<>(InetAddress.class, ConfigMapper::address));
        values.addDeserializer(InetSocketAddress.class,
                new TextDeserializer<>(InetSocketAddress.class, ConfigMapper::socketAddress));
        values.addDeserializer(Path.class, new TextDeserializer<>(Path.class, ConfigMapper::path));
        values.addDeserializer(BindProfile.class, new BindProfileDeserializer());

        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
                .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // One value where a list is expected is a list of one, as for route conditions.
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                // A whole number is written as one: 80.9 is not port 80, and "81" is text.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(values)
                .build();
    }

    private static Duration duration(String text) {
        return DurationText.parse(text);
    }

    private static InetAddress literal(String host, String text, String allowed) {
        try {
            return IpDestination.parseLiteral(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address and port" + allowed, e);
        }
    }

    private static InetAddress address(String text) {
        try {
            return IpDestination.parseLiteral(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address;"
                    + " write an address literal such as 192.0.2.1 or 2001:db8::1 (names are not looked up)");
        }
    }

    private static InetSocketAddress socketAddress(String text) {
        String allowed = "; write ADDRESS:PORT such as 192.0.2.1:1080 or [2001:db8::1]:1080";
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("\"" + text + "\" has no port" + allowed);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("\"" + text + "\" needs brackets around an IPv6 address" + allowed);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("\"" + text + "\" has port " + port + ", not 1-65535" + allowed);
            }
            return new InetSocketAddress(literal(host, text, allowed), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" has no port number" + allowed);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("\"")) {
                throw e;
            }
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address and port" + allowed);
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a file path: " + e.getReason());
        }
    }

    /** Reads a value from YAML text with {@code parse}; its IllegalArgumentException is the problem. */
    private static final class TextDeserializer<T> extends StdScalarDeserializer<T> {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient Function<String, T> parse;

        TextDeserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING) {
                String found = token.isScalarValue() ? parser.getText() : "a " + (token.isStructStart()
                        ? (token == JsonToken.START_ARRAY ? "list" : "mapping") : "value");
                throw new BadValueException(parser, problem(found), found, handledType());
            }
            String text = parser.getText();
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new BadValueException(parser, e.getMessage(), text, handledType());
            }
        }

        private String problem(String found) {
            return switch (handledType().getSimpleName()) {
                case "Duration" -> found + " is not a duration; " + DurationText.ALLOWED;
                case "InetAddress" -> found + " is not an IP address; write an address literal"
                        + " such as 192.0.2.1 or 2001:db8::1";
                case "InetSocketAddress" -> found + " is not an address and port; write ADDRESS:PORT"
                        + " such as 192.0.2.1:1080 or [2001:db8::1]:1080";
                default -> found + " is not a file path; write an absolute path in quotes if it could be read as"
                        + " something else";
            };
        }
    }
}

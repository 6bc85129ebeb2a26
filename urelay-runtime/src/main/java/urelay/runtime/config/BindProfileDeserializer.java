// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.Serial;
import java.math.BigInteger;
import java.util.List;
import urelay.spi.BindProfile;

/**
 * Reads a {@code bind} block into a {@link BindProfile}, wherever one appears: on a route, or
 * as a component of a plugin's config record. The YAML keys differ from the record's
 * components ({@code interface} fills {@code device}), and {@code fwmark} may be written in
 * decimal or as {@code 0x}-hex, which is why the runtime reads this type itself. Every
 * problem carries the key it is about, so it is reported there.
 */
final class BindProfileDeserializer extends StdDeserializer<BindProfile> {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The keys of a bind block, in the order the docs list them. */
    static final List<String> KEYS = List.of("address", "interface", "fwmark", "freebind", "transparent");

    private static final String ADVICE = "write a mapping such as { address: 192.0.2.1, interface: eth1 }";
    private static final String MARK_ALLOWED = "allowed 0 to 4294967295, in decimal or as 0x-hex such as 0x10";

    BindProfileDeserializer() {
        super(BindProfile.class);
    }

    @Override
    public BindProfile deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw bad(parser, "expected a mapping, found " + found(parser) + "; " + ADVICE, null);
        }
        Fields fields = new Fields();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String key = parser.currentName();
            if (!KEYS.contains(key)) {
                throw UnrecognizedPropertyException.from(parser, BindProfile.class, key, List.copyOf(KEYS));
            }
            parser.nextToken();
            try {
                read(parser, key, fields);
            } catch (JsonMappingException e) {
                e.prependPath(BindProfile.class, key);
                throw e;
            }
        }
        try {
            return new BindProfile(fields.address, fields.device, fields.fwmark, fields.freebind, fields.transparent);
        } catch (IllegalArgumentException e) {
            throw keyed(parser, e.getMessage());
        }
    }

    /** The values read so far; absent keys stay null, as the record expects. */
    private static final class Fields {
        String address;
        String device;
        Long fwmark;
        Boolean freebind;
        String transparent;
    }

    /** Reads the value of {@code key}, one of {@link #KEYS}. */
    private static void read(JsonParser parser, String key, Fields fields) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        switch (key) {
            case "address" -> fields.address = text(parser, "allowed an IPv4 or IPv6 literal");
            case "interface" -> fields.device = text(parser, "allowed an interface name such as eth1");
            case "fwmark" -> fields.fwmark = mark(parser);
            case "freebind" -> fields.freebind = flag(parser);
            case "transparent" -> fields.transparent = text(parser, "allowed client");
            default -> throw new IllegalStateException("not a bind key: " + key);
        }
    }

    private static String text(JsonParser parser, String allowed) throws IOException {
        if (!parser.currentToken().isScalarValue()) {
            throw bad(parser, "expected text, found " + found(parser) + "; " + allowed, null);
        }
        return parser.getText();
    }

    private static Boolean flag(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw bad(parser, found(parser) + " is not true or false; allowed true or false", null);
        };
    }

    private static Long mark(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return inRange(parser, parser.getBigIntegerValue(), parser.getText());
        }
        if (token != JsonToken.VALUE_STRING) {
            throw bad(parser, found(parser) + " is not a mark; " + MARK_ALLOWED, null);
        }
        String text = parser.getText().strip();
        boolean hex = text.regionMatches(true, 0, "0x", 0, 2);
        String digits = hex ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > 20
                || !digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
            throw bad(parser, "\"" + parser.getText() + "\" is not a mark; " + MARK_ALLOWED, parser.getText());
        }
        return inRange(parser, new BigInteger(digits, hex ? 16 : 10), parser.getText());
    }

    private static Long inRange(JsonParser parser, BigInteger mark, String text) throws IOException {
        if (mark.signum() < 0 || mark.bitLength() > 32) {
            throw bad(parser, text + " is out of range; " + MARK_ALLOWED, text);
        }
        return mark.longValue();
    }

    /** The record's own refusal, {@code KEY: PROBLEM}, placed at that key. */
    private static JsonMappingException keyed(JsonParser parser, String message) {
        int colon = message == null ? -1 : message.indexOf(": ");
        String key = colon < 0 ? "" : message.substring(0, colon);
        if (!KEYS.contains(key)) {
            return bad(parser, message, null);
        }
        JsonMappingException problem = bad(parser, message.substring(colon + 2), null);
        problem.prependPath(BindProfile.class, key);
        return problem;
    }

    private static BadValueException bad(JsonParser parser, String message, Object value) {
        return new BadValueException(parser, message, value, BindProfile.class);
    }

    private static String found(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "text \"" + parser.getText() + "\"";
            default -> parser.getText();
        };
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyValueLoggerTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final KeyValueLogger logger = new KeyValueLogger("urelay.engine", () -> stream);

    @AfterEach
    void restoreLevel() {
        KeyValueLoggerFinder.setLevel(Level.INFO);
    }

    @Test
    void formatsTimeLevelNameAndMessageOnOneLine() {
        String line = logger.line(Instant.parse("2026-12-04T15:00:00.123Z"), Level.INFO,
                "listener opened listener=private address=[::]:80", null);

        assertEquals("2026-12-04T15:00:00.123Z INFO urelay.engine listener opened"
                + " listener=private address=[::]:80", line);
    }

    @Test
    void keepsMillisecondsEvenWhenZero() {
        String line = logger.line(Instant.parse("2026-12-04T15:00:00Z"), Level.WARNING, "x", null);

        assertTrue(line.startsWith("2026-12-04T15:00:00.000Z WARNING "), line);
    }

    @Test
    void appendsTheErrorAsAQuotedFieldAndKeepsOneLine() {
        String line = logger.line(Instant.EPOCH, Level.ERROR, "accept failed\nagain",
                new IllegalStateException("bad \"state\""));

        assertEquals("1970-01-01T00:00:00.000Z ERROR urelay.engine accept failed\\nagain"
                + " error=\"java.lang.IllegalStateException: bad \\\"state\\\"\"", line);
    }

    @Test
    void dropsMessagesBelowTheGlobalLevel() {
        KeyValueLoggerFinder.setLevel(Level.WARNING);

        logger.log(Level.INFO, "hidden");
        logger.log(Level.WARNING, "shown n={0}", 3);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("hidden"));
        assertTrue(printed.contains("WARNING urelay.engine shown n=3"), printed);
    }

    @Test
    void traceLevelLetsEverythingThrough() {
        KeyValueLoggerFinder.setLevel(Level.TRACE);

        assertTrue(logger.isLoggable(Level.TRACE));
        assertFalse(logger.isLoggable(Level.OFF));
    }

    @Test
    void finderHandsOutNamedLoggers() {
        System.Logger named = new KeyValueLoggerFinder().getLogger("urelay.config", getClass().getModule());

        assertEquals("urelay.config", named.getName());
    }
}

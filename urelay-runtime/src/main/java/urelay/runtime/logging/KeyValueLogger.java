// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.logging;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * One named logger: formats a message as
 * {@code TIME LEVEL NAME MESSAGE [error="CLASS: TEXT"]} and prints it as a single line.
 * Callers write their {@code key=value} fields into the message themselves. Any thread may
 * call it; each line is printed with one {@code println}, so lines never interleave.
 */
final class KeyValueLogger implements System.Logger {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String name;
    private final Supplier<PrintStream> out;
    private final Level floor;

    KeyValueLogger(String name, Supplier<PrintStream> out) {
        this(name, out, Level.ALL);
    }

    /** @param floor messages below it are dropped whatever the configured level */
    KeyValueLogger(String name, Supplier<PrintStream> out, Level floor) {
        this.name = name;
        this.out = out;
        this.floor = floor;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level messageLevel) {
        Level threshold = KeyValueLoggerFinder.level();
        return messageLevel != Level.OFF
                && threshold != Level.OFF
                && messageLevel.getSeverity() >= threshold.getSeverity()
                && messageLevel.getSeverity() >= floor.getSeverity();
    }

    @Override
    public void log(Level messageLevel, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(messageLevel)) {
            print(messageLevel, message, thrown);
        }
    }

    @Override
    public void log(Level messageLevel, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(messageLevel)) {
            String message = params == null || params.length == 0
                    ? format
                    : new MessageFormat(String.valueOf(format)).format(params);
            print(messageLevel, message, null);
        }
    }

    String line(Instant time, Level messageLevel, String message, Throwable thrown) {
        StringBuilder line = new StringBuilder(128)
                .append(TIME.format(time)).append(' ')
                .append(messageLevel.getName()).append(' ')
                .append(name).append(' ')
                .append(oneLine(String.valueOf(message)));
        if (thrown != null) {
            line.append(" error=\"").append(oneLine(describe(thrown)).replace("\"", "\\\""))
                    .append('"');
        }
        return line.toString();
    }

    private void print(Level messageLevel, String message, Throwable thrown) {
        PrintStream stream = out.get();
        stream.println(line(Instant.now(), messageLevel, message, thrown));

        // Stack traces only when someone asked for detail; they span many lines.
        if (thrown != null && KeyValueLoggerFinder.level().getSeverity() <= Level.DEBUG.getSeverity()) {
            thrown.printStackTrace(stream);
        }
    }

    private static String describe(Throwable thrown) {
        String text = thrown.getMessage();
        return text == null ? thrown.getClass().getName() : thrown.getClass().getName() + ": " + text;
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}

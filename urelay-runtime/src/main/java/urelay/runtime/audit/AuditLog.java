// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import urelay.spi.IpDestination;

/**
 * Writes one line per ended connection, in the configured {@link AuditFormat}, to a stream
 * (standard output in production). Safe to call from every connection's thread at once:
 * each record becomes exactly one line, printed and flushed under a lock.
 */
public final class AuditLog {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final AuditFormat format;
    private final PrintStream out;

    /**
     * @param format the line format
     * @param out    where lines go; this log flushes it after every line and never closes it
     */
    public AuditLog(AuditFormat format, PrintStream out) {
        this.format = Objects.requireNonNull(format, "format");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes {@code record} as one line and flushes. */
    public void write(AuditRecord record) {
        String line = switch (format) {
            case PLAIN -> plain(record);
            case JSON -> json(record);
        };
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** The record as a {@code conn.end key=value ...} line, without the line end. */
    static String plain(AuditRecord record) {
        return new StringBuilder(200).append("conn.end")
                .append(" time=").append(TIME.format(record.start()))
                .append(" id=").append(PlainValue.of(record.id()))
                .append(" listener=").append(PlainValue.of(record.listener()))
                .append(" client=").append(PlainValue.of(address(record.client())))
                .append(" dst=").append(PlainValue.of(record.destination()))
                .append(" final=").append(PlainValue.of(record.finalDestination()))
                .append(" sink=").append(PlainValue.of(record.sink()))
                .append(" upstream=").append(PlainValue.of(record.upstream()))
                .append(" up_bytes=").append(record.upBytes())
                .append(" down_bytes=").append(record.downBytes())
                .append(" ms=").append(record.duration().toMillis())
                .append(" outcome=").append(record.outcome().label())
                .append(" detail=").append(PlainValue.of(record.detail()))
                .append(" guard=").append(PlainValue.of(record.guard()))
                .toString();
    }

    /** The record as one JSON object, without the line end. */
    static String json(AuditRecord record) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("time", TIME.format(record.start()));
            json.writeStringField("id", record.id());
            json.writeStringField("listener", record.listener());
            json.writeStringField("client", address(record.client()));
            json.writeStringField("dst", record.destination());
            json.writeStringField("final", record.finalDestination());
            json.writeStringField("sink", record.sink());
            json.writeStringField("upstream", record.upstream());
            json.writeNumberField("up_bytes", record.upBytes());
            json.writeNumberField("down_bytes", record.downBytes());
            json.writeNumberField("ms", record.duration().toMillis());
            json.writeStringField("outcome", record.outcome().label());
            json.writeStringField("detail", record.detail());
            json.writeStringField("guard", record.guard());
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; this would be a Jackson bug.
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** {@code 192.0.2.10:51514} or {@code [2001:db8::1]:51514}. */
    static String address(InetSocketAddress socketAddress) {
        if (socketAddress.getAddress() == null) {
            return socketAddress.getHostString() + ":" + socketAddress.getPort();
        }
        return IpDestination.of(socketAddress).text();
    }
}

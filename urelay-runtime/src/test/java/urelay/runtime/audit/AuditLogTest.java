// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import urelay.spi.Outcome;

class AuditLogTest {

    private static AuditRecord record(InetSocketAddress client, String detail) {
        return new AuditRecord("00a3f1", Instant.parse("2026-12-04T15:00:00.123Z"), "private",
                client, "198.51.100.7:80", "198.51.100.7:80", "out", "198.51.100.7:80",
                75, 850, Duration.ofMillis(3), Outcome.OK, detail, "-");
    }

    private static InetSocketAddress v4Client() throws Exception {
        return new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 51514);
    }

    @Test
    void plainLineHasEveryFieldInFixedOrder() throws Exception {
        assertEquals("conn.end time=2026-12-04T15:00:00.123Z id=00a3f1 listener=private"
                + " client=192.0.2.10:51514 dst=198.51.100.7:80 final=198.51.100.7:80 sink=out"
                + " upstream=198.51.100.7:80 up_bytes=75 down_bytes=850 ms=3 outcome=ok detail=- guard=-",
                AuditLog.plain(record(v4Client(), "-")));
    }

    @Test
    void plainLineQuotesOnlyValuesWithSpacesOrQuotes() throws Exception {
        String line = AuditLog.plain(record(v4Client(), "said \"no\" \\ twice"));

        assertEquals("detail=\"said \\\"no\\\" \\\\ twice\" guard=-", line.substring(line.indexOf("detail=")));
    }

    @Test
    void ipv6ClientIsWrittenInBrackets() throws Exception {
        InetSocketAddress client = new InetSocketAddress(InetAddress.ofLiteral("2001:db8::10"), 51514);

        assertEquals("[2001:db8::10]:51514", AuditLog.address(client));
    }

    @Test
    void jsonLineParsesBackWithNumbersAsNumbers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AuditLog.json(record(v4Client(), "a \"b\"")));

        assertEquals(List.of("time", "id", "listener", "client", "dst", "final", "sink",
                "upstream", "up_bytes", "down_bytes", "ms", "outcome", "detail", "guard"), names(json));
        assertEquals("2026-12-04T15:00:00.123Z", json.get("time").asText());
        assertEquals("192.0.2.10:51514", json.get("client").asText());
        assertEquals(75, json.get("up_bytes").asLong());
        assertEquals(850, json.get("down_bytes").asLong());
        assertEquals(3, json.get("ms").asLong());
        assertEquals(true, json.get("ms").isNumber());
        assertEquals("ok", json.get("outcome").asText());
        assertEquals("a \"b\"", json.get("detail").asText());
    }

    @Test
    void writePrintsExactlyOneLinePerRecord() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AuditLog log = new AuditLog(AuditFormat.JSON, new PrintStream(bytes, false, StandardCharsets.UTF_8));

        log.write(record(v4Client(), "line\nbreak"));
        log.write(record(v4Client(), "-"));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertEquals(3, lines.length);
        assertEquals("", lines[2]);
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AuditLog log = new AuditLog(AuditFormat.PLAIN, new PrintStream(bytes, false, StandardCharsets.UTF_8));
        AuditRecord record = record(v4Client(), "-");
        List<Thread> threads = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int j = 0; j < 200; j++) {
                    log.write(record);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }

        String expected = AuditLog.plain(record);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1600, lines.size());
        lines.forEach(line -> assertEquals(expected, line));
    }

    private static List<String> names(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

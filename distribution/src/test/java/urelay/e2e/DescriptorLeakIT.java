// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.harness.Wait;

/**
 * A thousand relayed connections leave urelay holding exactly the descriptors it held
 * before them: every client socket, upstream socket and pipe is given back.
 */
@EndToEnd(tools = {"nginx", "curl"})
class DescriptorLeakIT {

    private static final int WARM_UP = 20;
    private static final int CONNECTIONS = 1000;

    private static final Cleanup CLEANUP = new Cleanup();
    private static Netns lan;
    private static Nginx nginx;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        Topology net = CLEANUP.add(Topology.create());
        lan = net.addPrivate("lan");
        nginx = CLEANUP.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4), List.of(80)));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(),
                Configs.config("json", Configs.transparentListener("lan", lan, 80)),
                List.of(lan), 80));
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @Test
    void holdsNoMoreDescriptorsAfterAThousandConnectionsThanBefore() {
        // The warm-up lets lazily opened files and pooled pipes settle first.
        fetch(WARM_UP, Duration.ofSeconds(60));
        urelay.awaitAuditCount(Duration.ofSeconds(30), WARM_UP);
        long before = openDescriptors();

        fetch(CONNECTIONS, Duration.ofMinutes(3));
        urelay.awaitAuditCount(Duration.ofSeconds(60), WARM_UP + CONNECTIONS);
        long okLines = urelay.audit().stream()
                .filter(line -> "ok".equals(line.get("outcome"))).count();
        assertEquals(WARM_UP + CONNECTIONS, okLines, "every connection should end ok");

        // A connection may be audited a moment before its last descriptor is closed.
        Wait.poll(Duration.ofSeconds(10), () -> openDescriptors() == before);
        assertEquals(before, openDescriptors(), "open descriptors in /proc/" + urelay.pid()
                + "/fd after " + CONNECTIONS + " connections");
    }

    private static void fetch(int count, Duration limit) {
        List<String> urls = IntStream.rangeClosed(1, count)
                .mapToObj(n -> "http://198.51.100.7/?n=" + n).toList();

        Command.Result curl = Curl.getEach(lan, urls, limit);

        assertEquals(0, curl.exit(), "curl failed: " + curl.err());
        assertEquals(count, occurrences(curl.out(), nginx.body(80)));
    }

    private static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(urelay.pid()), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}

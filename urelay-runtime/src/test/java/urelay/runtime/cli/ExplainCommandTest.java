// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code urelay explain} walks an imagined connection through the planner; nothing opens a socket. */
class ExplainCommandTest {

    private static final String CONFIG = """
            listeners:
              - name: private
                source: { type: transparent, ports: [80] }
                routes:
                  - match: { port: ["22"] }
                    sink: block
                  - match: { cidr: ["127.0.0.1/32"], port: ["8080"] }
                    allow: ["127.0.0.1/32"]
                    bind: { interface: wan1, fwmark: 0x20 }
                    sink: out
                  - sink: [out, block]
              - name: second
                source: { type: transparent, ports: [81] }
                routes: [ { match: { client-cidr: ["192.0.2.0/24"] }, sink: out } ]
            sinks:
              out: { type: direct }
              block: { type: reject }
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int explain(String... args) throws IOException {
        Path file = Files.writeString(directory.resolve("explain.yaml"), CONFIG);
        Console console = new Console(Plugins.classPath(getClass().getClassLoader()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] all = new String[args.length + 3];
        all[0] = "explain";
        all[1] = "--config";
        all[2] = file.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.execute(console, all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void namesTheRouteAndTheSinksInTheOrderTheyWouldBeTried() throws IOException {
        assertEquals(0, explain("--dest", "198.51.100.7:80"), err.toString(StandardCharsets.UTF_8));

        assertTrue(out().contains("route: #2 match (any) -> sinks out (direct), then block (reject)"), out());
        assertTrue(out().contains("guard: pass"), out());
        assertTrue(out().contains("result: connects to 198.51.100.7:80 through out (direct), else block (reject)"), out());
    }

    @Test
    void saysTheGuardRefusesLoopbackAndTheClientIsReset() throws IOException {
        assertEquals(0, explain("--dest", "127.0.0.1:443"));

        assertTrue(out().contains("guard: refuses (loopback)"), out());
        assertTrue(out().contains("result: forbidden (guard: loopback 127.0.0.1:443); the client gets a reset"), out());
    }

    @Test
    void saysWhichAllowListOpenedARange() throws IOException {
        assertEquals(0, explain("--dest", "127.0.0.1:8080"));

        assertTrue(out().contains("guard: would refuse (loopback), opened by allow 127.0.0.1/32"), out());
        assertTrue(out().contains("; allow [127.0.0.1/32]; bind {interface: wan1, fwmark: 32}"), out());
    }

    @Test
    void usesTheGivenListenerAndClient() throws IOException {
        assertEquals(0, explain("--dest", "[2001:db8::7]:443", "--listener", "second", "--client", "198.51.100.1"));

        assertTrue(out().contains("listener: second"), out());
        assertTrue(out().contains("client: 198.51.100.1:50000"), out());
        assertTrue(out().contains("result: no_route"), out());
    }

    @Test
    void refusesADestinationWithoutAPortAndAnUnknownListener() throws IOException {
        assertEquals(2, explain("--dest", "198.51.100.7"));
        assertEquals(2, explain("--dest", "198.51.100.7:80", "--listener", "third"));

        String err = this.err.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("--dest \"198.51.100.7\" is not ADDR:PORT"), err);
        assertTrue(err.contains("--listener \"third\" is not in"), err);
    }
}

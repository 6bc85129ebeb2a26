// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.TempDirs;
import urelay.e2e.harness.UrelayProcess;

/**
 * Two listeners on one port of one namespace: {@code check} names both and exits 2; a port
 * that something else took meanwhile stops {@code run} with exit 1 and a line naming the
 * listener and the namespace. urelay runs inside the test's own namespaces.
 */
@EndToEnd
class ListenerClashIT {

    private static final int PORT = 8082;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Netns host;
    private static Netns lan;
    private static Path dir;

    @BeforeAll
    static void createNamespaces() {
        host = CLEANUP.add(Netns.create("clshost"));
        lan = CLEANUP.add(Netns.create("clslan"));
        lan.addLocalRoutes();
        dir = TempDirs.create("clash");
        CLEANUP.add(() -> TempDirs.delete(dir));
    }

    @AfterAll
    static void removeNamespaces() {
        CLEANUP.close();
    }

    @Test
    void checkNamesBothListenersThePortAndTheNamespace() {
        Path config = UrelayProcess.writeConfig(dir, Configs.config("plain",
                Configs.transparentListener("first", lan, PORT), Configs.transparentListener("second", lan, PORT)));

        Command.Result check = Command.run(LIMIT, host.command(Image.urelayCommand("check", "--config",
                config.toString())));

        assertEquals(2, check.exit(), check.err());
        assertEquals(List.of(config + ":9:13: listeners[1].source: listener \"second\" would listen on [::]:" + PORT
                + " in namespace " + lan.path() + ", which listener \"first\" already takes with [::]:" + PORT
                + "; give each listener its own ports or addresses there"), check.err().lines().toList());
        assertFalse(lan.listens(PORT));
    }

    @Test
    void runThatFindsItsPortTakenExitsWithOneNamingListenerAndNamespace() {
        String yaml = Configs.config("plain", Configs.transparentListener("holder", lan, PORT));
        try (UrelayProcess holder = UrelayProcess.run(host, yaml, List.of(lan), PORT)) {
            Path config = UrelayProcess.writeConfig(dir, yaml.replace("name: holder", "name: late"));
            try (UrelayProcess late = UrelayProcess.start(host.command(Image.urelayCommand("run", "--config",
                    config.toString())), TempDirs.create("late"))) {

                assertEquals(1, late.awaitExit(LIMIT), late.describe());
                assertEquals(List.of("urelay: cannot start: listener late: bind [::]:" + PORT + " in namespace "
                        + lan.path() + ": EADDRINUSE (Address already in use)"),
                        late.stderr().lines().filter(line -> line.startsWith("urelay:")).toList());
            }
            assertEquals(true, holder.isAlive(), holder.describe());
        }
    }
}

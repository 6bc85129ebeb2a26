// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Image;

/**
 * The image's command line answers the questions that open no socket. These need no root
 * and no namespace, so they run everywhere the image was built.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CliIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void listsEveryPluginLinkedIntoTheImage() {
        Command.Result plugins = Command.run(LIMIT, Image.urelayCommand("plugins"));

        assertEquals(0, plugins.exit(), plugins.err());
        assertAll(plugins.out(), List.of("transparent", "fd", "original-destination", "direct")
                .stream().map(type -> () -> assertTrue(plugins.out().contains(type), type)));
    }

    @Test
    void printsItsVersion() {
        Command.Result version = Command.run(LIMIT, Image.urelayCommand("--version"));

        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().matches("(?s).*\\d+\\.\\d+\\.\\d+.*"), version.out());
    }

    @Test
    void printsUsageForHelp() {
        Command.Result help = Command.run(LIMIT, Image.urelayCommand("--help"));

        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("run") && help.out().contains("check"), help.out());
    }
}

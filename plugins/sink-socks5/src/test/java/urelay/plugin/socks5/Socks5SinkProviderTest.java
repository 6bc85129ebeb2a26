// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urelay.spi.PluginContext;

class Socks5SinkProviderTest {

    private final Socks5SinkProvider provider = new Socks5SinkProvider();

    @Test
    void isSelectedByTheTypeSocks5AndBindsItsConfigRecord() {
        assertEquals("socks5", provider.type());
        assertEquals(Socks5Config.class, provider.configType());
        assertFalse(provider.summary().isBlank());
        assertFalse(provider.summary().contains("\n"));
    }

    @Test
    void readsThePasswordFileWhenTheSinkIsCreated(@TempDir Path directory) {
        Path missing = directory.resolve("password");
        Socks5Config config = new Socks5Config("127.0.0.1:1080", "alice", null, missing, null, null);

        var e = assertThrows(IllegalArgumentException.class,
                () -> provider.create(config, new PluginContext("proxy", new LoopbackNetwork())));
        assertEquals("password-file: " + missing + " does not exist", e.getMessage());
    }

    @Test
    void connectsNowhereWhenTheSinkIsCreated() {
        LoopbackNetwork network = new LoopbackNetwork();

        provider.create(new Socks5Config("127.0.0.1:1080", null, null, null, null, null),
                new PluginContext("proxy", network));

        assertTrue(network.opened().isEmpty());
    }
}

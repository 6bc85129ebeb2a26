// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FdSourceTest {

    private static FdSource activation(List<String> names, Map<String, String> environment) {
        return new FdSource(new FdConfig(null, true, names, null), null, environment::get, 4242);
    }

    @Test
    void takesEverySocketSystemdPassedFromDescriptorThree() throws IOException {
        var source = activation(null, Map.of("LISTEN_PID", "4242", "LISTEN_FDS", "2", "LISTEN_FDNAMES", "web:dns"));
        assertEquals(List.of(new FdSource.Inherited(3, "web"), new FdSource.Inherited(4, "dns")),
                source.activationSockets());
    }

    @Test
    void picksSocketsByTheirActivationName() throws IOException {
        var source = activation(List.of("dns"), Map.of("LISTEN_PID", "4242", "LISTEN_FDS", "2",
                "LISTEN_FDNAMES", "web:dns"));
        assertEquals(List.of(new FdSource.Inherited(4, "dns")), source.activationSockets());
    }

    @Test
    void refusesSocketsMeantForAnotherProcess() {
        var source = activation(null, Map.of("LISTEN_PID", "1", "LISTEN_FDS", "1"));
        var e = assertThrows(IOException.class, source::activationSockets);
        assertTrue(e.getMessage().startsWith("LISTEN_PID is 1, not this process (4242)"), e.getMessage());
    }

    @Test
    void namesAMissingVariable() {
        var source = new FdSource(new FdConfig("CTRTOOL_NS_OPEN_FILE_FD_100", null, null, null), null,
                Map.<String, String>of()::get, 1);
        var e = assertThrows(IOException.class, source::open);
        assertEquals("$CTRTOOL_NS_OPEN_FILE_FD_100 is not set; expected a descriptor number", e.getMessage());
    }

    @Test
    void needsExactlyOneWayOfInheriting() {
        assertThrows(IllegalArgumentException.class, () -> new FdConfig(null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new FdConfig("X", true, null, null));
        assertThrows(IllegalArgumentException.class, () -> new FdConfig("bad-name", null, null, null));
    }
}

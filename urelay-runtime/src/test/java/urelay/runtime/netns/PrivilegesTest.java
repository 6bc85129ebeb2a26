// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The capability check reads CapEff from /proc/self/status. */
class PrivilegesTest {

    @Test
    void rootsFullCapabilitySetPasses() {
        assertDoesNotThrow(() -> Privileges.check("urelay netns show", "Name:\tjava\nCapEff:\t000001ffffffffff\n"));
    }

    @Test
    void netAdminAloneIsNotEnoughToEnterANamedNamespace() {
        NetnsException e = assertThrows(NetnsException.class,
                () -> Privileges.check("urelay netns show", "CapEff:\t0000000000001000\n"));

        assertEquals("urelay netns show needs root (CAP_SYS_ADMIN to enter namespaces, CAP_NET_ADMIN to change "
                + "their network); run it as root", e.getMessage());
    }

    @Test
    void anOrdinaryUserIsRefused() {
        assertThrows(NetnsException.class,
                () -> Privileges.check("urelay netns prepare", "CapEff:\t0000000000000000\n"));
    }
}

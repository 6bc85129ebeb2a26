// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before anything runs, that this process may enter network namespaces and change
 * their routes: {@code CAP_SYS_ADMIN} (for {@code setns} and the mounts under
 * {@code /run/netns}) and {@code CAP_NET_ADMIN}, read from {@code CapEff} in
 * {@code /proc/self/status}.
 */
final class Privileges {

    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;

    private Privileges() {
    }

    /** Throws unless the running process has both capabilities. */
    static void check(String command) throws NetnsException {
        String status;
        try {
            status = Files.readString(Path.of("/proc/self/status"));
        } catch (IOException e) {
            throw NetnsException.failed("cannot read /proc/self/status to check privileges: " + e.getMessage());
        }
        check(command, status);
    }

    /** Throws unless {@code status}, the text of {@code /proc/self/status}, grants both capabilities. */
    static void check(String command, String status) throws NetnsException {
        BigInteger effective = status.lines()
                .filter(line -> line.startsWith("CapEff:"))
                .map(line -> new BigInteger(line.substring("CapEff:".length()).strip(), 16))
                .findFirst()
                .orElse(BigInteger.ZERO);
        if (!effective.testBit(CAP_SYS_ADMIN) || !effective.testBit(CAP_NET_ADMIN)) {
            throw NetnsException.failed(command + " needs root (CAP_SYS_ADMIN to enter namespaces, CAP_NET_ADMIN "
                    + "to change their network); run it as root");
        }
    }
}

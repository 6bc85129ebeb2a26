// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.fd;

import java.util.List;
import java.util.regex.Pattern;
import urelay.spi.Capture;

/**
 * The {@code fd} source's YAML block: exactly one of {@code env} and {@code systemd}.
 *
 * @param env     the name of an environment variable holding one descriptor number, as ctrtool
 *                sets {@code CTRTOOL_NS_OPEN_FILE_FD_100}
 * @param systemd {@code true} to take the sockets of systemd socket activation
 *                ({@code LISTEN_FDS}, {@code LISTEN_PID}, {@code LISTEN_FDNAMES})
 * @param names   with {@code systemd}, take only the sockets with these names; default all
 * @param capture how connections reach the inherited sockets, which says where their original
 *                destination is read: {@code local} (default), {@code tproxy} or
 *                {@code redirect}
 */
public record FdConfig(String env, Boolean systemd, List<String> names, String capture) {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public FdConfig {
        boolean activation = Boolean.TRUE.equals(systemd);
        if ((env == null) == !activation) {
            throw new IllegalArgumentException(
                    "set exactly one of env (a variable naming a descriptor) and systemd: true");
        }
        if (env != null && !VARIABLE.matcher(env).matches()) {
            throw new IllegalArgumentException("env: \"" + env + "\" is not a variable name; allowed letters, "
                    + "digits and _, such as CTRTOOL_NS_OPEN_FILE_FD_100");
        }
        if (names != null && !activation) {
            throw new IllegalArgumentException("names: only allowed with systemd: true");
        }
        names = names == null ? List.of() : List.copyOf(names);
        capture = capture == null ? "local" : capture;
        Capture.parse(capture);
    }

    /** How connections reach the inherited sockets. */
    public Capture captureMode() {
        return Capture.parse(capture);
    }

    /** Whether the sockets come from systemd socket activation. */
    public boolean activation() {
        return Boolean.TRUE.equals(systemd);
    }
}

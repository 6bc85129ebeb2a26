// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.fd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import urelay.spi.Acceptor;
import urelay.spi.Network;
import urelay.spi.Source;

/**
 * Adopts inherited listening sockets. The environment is read when the source opens, not when
 * the config is checked, so {@code urelay check} works where the variables are not set.
 */
final class FdSource implements Source {

    /** systemd passes its sockets from descriptor 3 on (sd_listen_fds(3)). */
    static final int FIRST_ACTIVATION_FD = 3;

    private final FdConfig config;
    private final Network network;
    private final UnaryOperator<String> environment;
    private final long pid;

    FdSource(FdConfig config, Network network, UnaryOperator<String> environment, long pid) {
        this.config = config;
        this.network = network;
        this.environment = environment;
        this.pid = pid;
    }

    @Override
    public List<Acceptor> open() throws IOException {
        if (!config.activation()) {
            int fd = number(config.env(), environment.apply(config.env()));
            return List.of(network.adopt(fd, "$" + config.env(), config.captureMode()));
        }
        List<Acceptor> adopted = new ArrayList<>();
        try {
            for (Inherited socket : activationSockets()) {
                adopted.add(network.adopt(socket.fd(), "LISTEN_FDS " + socket.name(), config.captureMode()));
            }
        } catch (IOException | RuntimeException e) {
            adopted.forEach(Acceptor::close);
            throw e;
        }
        return adopted;
    }

    /** The sockets systemd passed, filtered by the configured names. */
    List<Inherited> activationSockets() throws IOException {
        String listenPid = environment.apply("LISTEN_PID");
        if (listenPid == null || number("LISTEN_PID", listenPid) != pid) {
            throw new IOException("LISTEN_PID is " + (listenPid == null ? "not set" : listenPid)
                    + ", not this process (" + pid + "): no sockets were passed to urelay by socket activation");
        }
        int count = number("LISTEN_FDS", environment.apply("LISTEN_FDS"));
        String namesText = environment.apply("LISTEN_FDNAMES");
        String[] names = namesText == null ? new String[0] : namesText.split(":", -1);
        List<Inherited> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = i < names.length && !names[i].isEmpty() ? names[i] : "unknown";
            if (config.names().isEmpty() || config.names().contains(name)) {
                sockets.add(new Inherited(FIRST_ACTIVATION_FD + i, name));
            }
        }
        if (sockets.isEmpty()) {
            throw new IOException("socket activation passed " + count + " sockets named " + List.of(names)
                    + ", none of them " + config.names());
        }
        return sockets;
    }

    private static int number(String variable, String value) throws IOException {
        if (value == null) {
            throw new IOException("$" + variable + " is not set; expected a descriptor number");
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IOException("$" + variable + " is \"" + value + "\"; expected a non-negative number");
    }

    /** A descriptor passed by socket activation, with its name from LISTEN_FDNAMES. */
    record Inherited(int fd, String name) {
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How an outbound socket is bound before it connects.
 *
 * @param source      the local address to connect from; port 0 lets the kernel pick the port
 *                    at connect time ({@code IP_BIND_ADDRESS_NO_PORT})
 * @param device      the interface to leave through ({@code SO_BINDTODEVICE})
 * @param mark        the routing mark ({@code SO_MARK})
 * @param freebind    allow a source address not (yet) on this host ({@code IP_FREEBIND})
 * @param transparent allow any source address, such as the client's own
 *                    ({@code IP_TRANSPARENT}); needs CAP_NET_ADMIN and a route for the
 *                    replies back to this host
 */
public record BindOptions(Optional<InetSocketAddress> source, Optional<String> device, OptionalInt mark,
        boolean freebind, boolean transparent) {

    /** No binding: the kernel picks the source address and port, routing picks the interface. */
    public static final BindOptions NONE =
            new BindOptions(Optional.empty(), Optional.empty(), OptionalInt.empty(), false, false);

    public BindOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(mark, "mark");
        if (transparent && source.isEmpty()) {
            throw new IllegalArgumentException("a transparent bind needs a source address");
        }
    }

    /** Whether nothing is asked for. */
    public boolean isNone() {
        return equals(NONE);
    }

    /** These options with every option set in {@code over} taking the place of this one's. */
    public BindOptions overriddenBy(BindOptions over) {
        return new BindOptions(over.source.or(() -> source), over.device.or(() -> device),
                over.mark.isPresent() ? over.mark : mark, freebind || over.freebind, transparent || over.transparent);
    }
}

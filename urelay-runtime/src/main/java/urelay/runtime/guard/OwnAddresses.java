// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.guard;

import static java.lang.System.Logger.Level.WARNING;

import java.net.InetAddress;
import java.util.Set;
import java.util.function.Supplier;
import urelay.runtime.linux.Interfaces;
import urelay.runtime.linux.NativeException;

/**
 * The addresses of urelay's own namespace, read again at most once a second, so addresses
 * added while urelay runs are guarded within a second. Thread-safe.
 */
public final class OwnAddresses implements Supplier<Set<InetAddress>> {

    private static final System.Logger LOG = System.getLogger("urelay.guard");
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private Set<InetAddress> addresses = Set.of();
    private long readAt;
    private boolean read;

    @Override
    public synchronized Set<InetAddress> get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= REFRESH_NANOS) {
            try {
                addresses = Set.copyOf(Interfaces.addresses());
            } catch (NativeException e) {
                // Keep the last known set: guarding with slightly old addresses beats not guarding.
                LOG.log(WARNING, "cannot read own addresses error=\"" + e.getMessage() + "\"");
            }
            readAt = now;
            read = true;
        }
        return addresses;
    }
}

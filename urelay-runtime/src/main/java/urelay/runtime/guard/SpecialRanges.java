// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.guard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Address ranges no client should reach through a relay: they mean "this host", "this link"
 * or "many hosts", never one remote server.
 */
final class SpecialRanges {

    private SpecialRanges() {
    }

    /** The name of the range {@code address} falls in, or empty for an ordinary address. */
    static Optional<String> classify(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress() || isThisNetwork(address)) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (isBroadcast(address)) {
            return Optional.of("broadcast");
        }
        return Optional.empty();
    }

    /** 0.0.0.0/8: "this network", which Linux treats as this host. */
    private static boolean isThisNetwork(InetAddress address) {
        return address instanceof Inet4Address && address.getAddress()[0] == 0;
    }

    private static boolean isBroadcast(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        for (byte b : address.getAddress()) {
            if (b != (byte) 0xff) {
                return false;
            }
        }
        return true;
    }
}

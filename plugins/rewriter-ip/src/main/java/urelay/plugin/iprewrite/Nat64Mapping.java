// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.net.Inet4Address;
import java.util.Objects;
import urelay.spi.IpDestination;

/**
 * Mode {@code nat64}: an IPv4 destination becomes the IPv6 address that embeds it under the
 * NAT64 prefix; the port stays. IPv6 destinations are left alone.
 *
 * @param nat64 the prefix and its layout
 */
record Nat64Mapping(Nat64 nat64) implements Mapping {

    Nat64Mapping {
        Objects.requireNonNull(nat64, "nat64");
    }

    @Override
    public IpDestination apply(IpDestination destination) {
        return destination.address() instanceof Inet4Address ipv4
                ? new IpDestination(nat64.embed(ipv4), destination.port())
                : destination;
    }
}

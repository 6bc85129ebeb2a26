// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.Objects;
import urelay.spi.IpDestination;

/**
 * Mode {@code nat46}: an IPv6 destination that embeds an IPv4 address under the NAT64 prefix
 * becomes that IPv4 address; the port stays. Other destinations are left alone.
 *
 * @param nat64 the prefix and its layout
 */
record Nat46Mapping(Nat64 nat64) implements Mapping {

    Nat46Mapping {
        Objects.requireNonNull(nat64, "nat64");
    }

    @Override
    public IpDestination apply(IpDestination destination) {
        return nat64.extract(destination.address())
                .map(ipv4 -> new IpDestination(ipv4, destination.port()))
                .orElse(destination);
    }
}

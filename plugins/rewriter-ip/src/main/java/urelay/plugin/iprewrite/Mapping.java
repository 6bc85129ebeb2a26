// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import urelay.spi.IpDestination;

/**
 * What one {@code mode} of the {@code ip-rewrite} rewriter does to an IP destination.
 * Implementations are immutable and safe on any thread.
 */
sealed interface Mapping permits Nat64Mapping, Nat46Mapping, PrefixMapping, PortMapping {

    /**
     * @return the rewritten destination, or {@code destination} itself when this mapping does
     *         not cover it
     */
    IpDestination apply(IpDestination destination);
}

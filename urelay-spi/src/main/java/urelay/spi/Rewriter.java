// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * Rewrites a destination, such as an IPv4 address into its NAT64 form. A listener's rewriters
 * apply in order, each to the result of the one before. Must be fast and must not block: it
 * runs once per connection on the connection's thread.
 */
public interface Rewriter {

    /**
     * @return the rewritten destination, or {@code destination} itself when this rewriter
     *         does not apply
     */
    Destination rewrite(Destination destination, ClientConnection client);
}

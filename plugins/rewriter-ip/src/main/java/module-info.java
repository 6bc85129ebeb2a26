// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code ip-rewrite} rewriter: NAT64 and NAT46 address embedding after RFC 6052, prefix
 * maps and port maps for IP destinations.
 *
 * <p>The package is exported only because the config records must be public in an exported
 * package for the runtime to bind them; every other type in it is package-private.
 */
module urelay.plugin.iprewrite {
    // Transitive because the public provider's methods take and return SPI types.
    requires transitive urelay.spi;

    exports urelay.plugin.iprewrite;

    provides urelay.spi.RewriterProvider with urelay.plugin.iprewrite.IpRewriterProvider;
}

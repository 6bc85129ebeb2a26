// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code ip-rewrite} rewriter: NAT64 and NAT46 address embedding after RFC 6052, prefix
 * maps and port maps for IP destinations.
 *
 * <p>The package is exported only because the config records must be public in an exported
 * package for the runtime to bind them; every other type in it is package-private.
 */
module urelay.plugin.iprewrite {
    requires urelay.spi;

    exports urelay.plugin.iprewrite;
}

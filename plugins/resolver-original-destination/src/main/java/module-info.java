// SPDX-License-Identifier: Apache-2.0
/** The {@code original-destination} resolver: where the client's socket was connected to. */
module urelay.plugin.origdst {
    requires urelay.spi;

    exports urelay.plugin.origdst;

    provides urelay.spi.ResolverProvider with urelay.plugin.origdst.OriginalDestinationProvider;
}

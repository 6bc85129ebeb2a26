// SPDX-License-Identifier: Apache-2.0
/** The {@code direct} sink: connects to the destination from urelay's own namespace. */
module urelay.plugin.direct {
    requires urelay.spi;

    exports urelay.plugin.direct;

    provides urelay.spi.SinkProvider with urelay.plugin.direct.DirectSinkProvider;
}

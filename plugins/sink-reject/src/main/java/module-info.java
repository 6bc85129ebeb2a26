// SPDX-License-Identifier: Apache-2.0
/** The {@code reject} sink: turns connections away. */
module urelay.plugin.reject {
    requires urelay.spi;

    exports urelay.plugin.reject;

    provides urelay.spi.SinkProvider with urelay.plugin.reject.RejectSinkProvider;
}

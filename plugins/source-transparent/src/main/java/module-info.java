// SPDX-License-Identifier: Apache-2.0
/** The {@code transparent} source: listeners on ports inside a network namespace. */
module urelay.plugin.transparent {
    requires urelay.spi;

    exports urelay.plugin.transparent;

    provides urelay.spi.SourceProvider with urelay.plugin.transparent.TransparentSourceProvider;
}

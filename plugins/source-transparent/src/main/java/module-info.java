// SPDX-License-Identifier: Apache-2.0
/**
 * Sources that listen on ports, optionally inside another network namespace: {@code transparent}
 * (the namespace routes every address to itself), {@code tproxy} and {@code redirect}.
 */
module urelay.plugin.transparent {
    requires urelay.spi;

    exports urelay.plugin.transparent;

    provides urelay.spi.SourceProvider with urelay.plugin.transparent.TransparentSourceProvider,
            urelay.plugin.transparent.TproxySourceProvider, urelay.plugin.transparent.RedirectSourceProvider;
}

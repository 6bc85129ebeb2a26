// SPDX-License-Identifier: Apache-2.0
/** The {@code unix} sink: connects to Unix-domain sockets. */
module urelay.plugin.unix {
    requires urelay.spi;

    exports urelay.plugin.unix;

    provides urelay.spi.SinkProvider with urelay.plugin.unix.UnixSinkProvider;
}

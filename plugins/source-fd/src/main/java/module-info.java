// SPDX-License-Identifier: Apache-2.0
/** The {@code fd} source: listening sockets inherited from the process that started urelay. */
module urelay.plugin.fd {
    requires urelay.spi;

    exports urelay.plugin.fd;

    provides urelay.spi.SourceProvider with urelay.plugin.fd.FdSourceProvider;
}

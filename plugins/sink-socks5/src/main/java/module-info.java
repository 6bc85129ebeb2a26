// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code socks5} sink: reaches the destination through a SOCKS5 proxy (RFC 1928 CONNECT,
 * with RFC 1929 username and password when configured), over TCP or a Unix socket.
 */
module urelay.plugin.socks5 {
    requires urelay.spi;

    exports urelay.plugin.socks5;

    provides urelay.spi.SinkProvider with urelay.plugin.socks5.Socks5SinkProvider;
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

/**
 * A SOCKS5 proxy reached over TCP. The host is resolved each time a connection is made, so a
 * proxy whose address changes is followed without a restart.
 *
 * @param host a host name, an IPv4 literal, or an IPv6 literal without brackets
 * @param port 1 to 65535
 */
record TcpProxyServer(String host, int port) implements ProxyServer {

    @Override
    public String text() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}

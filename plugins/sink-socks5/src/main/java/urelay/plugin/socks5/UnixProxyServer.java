// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.nio.file.Path;

/**
 * A SOCKS5 proxy reached over a Unix-domain stream socket, as {@code ssh -N -D /path.sock}
 * makes one.
 *
 * @param path an absolute path of at most 107 bytes
 */
record UnixProxyServer(Path path) implements ProxyServer {

    @Override
    public String text() {
        return "unix:" + path;
    }
}

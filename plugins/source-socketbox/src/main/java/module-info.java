// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code socketbox} source: accepted TCP connections passed over a Unix socket with
 * {@code SCM_RIGHTS} by an acceptor running elsewhere, such as in another namespace.
 */
module urelay.plugin.socketbox {
    requires urelay.spi;
    requires org.newsclub.net.unix;
    // Nothing in it is named here. It holds junixsocket's native library, which
    // org.newsclub.net.unix finds by class name at run time; requiring it puts it in the
    // module graph, so the image links it and the boot layer resolves it.
    requires com.kohlschutter.junixsocket.nativecommon;

    exports urelay.plugin.socketbox;

    provides urelay.spi.SourceProvider with urelay.plugin.socketbox.SocketboxSourceProvider;
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;

/** Provides the {@code socks5} sink. Found by {@link java.util.ServiceLoader}; stateless. */
public final class Socks5SinkProvider implements SinkProvider<Socks5Config> {

    /** Called by {@link java.util.ServiceLoader}. */
    public Socks5SinkProvider() {
    }

    @Override
    public String type() {
        return "socks5";
    }

    @Override
    public Class<Socks5Config> configType() {
        return Socks5Config.class;
    }

    @Override
    public String summary() {
        return "connects through a SOCKS5 proxy reached over TCP or a Unix socket, with optional login";
    }

    /** Reads {@code password-file} now, so a missing file stops urelay from starting. */
    @Override
    public Sink create(Socks5Config config, PluginContext context) {
        return new Socks5Sink(config, Credentials.of(config), context.network());
    }
}

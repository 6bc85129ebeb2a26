// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import urelay.spi.PluginContext;
import urelay.spi.Source;
import urelay.spi.SourceProvider;

/**
 * Provides the {@code socketbox} source: TCP connections accepted by another process (often in
 * another namespace) and passed to urelay over a Unix socket with {@code SCM_RIGHTS}.
 */
public final class SocketboxSourceProvider implements SourceProvider<SocketboxConfig> {

    @Override
    public String type() {
        return "socketbox";
    }

    @Override
    public Class<SocketboxConfig> configType() {
        return SocketboxConfig.class;
    }

    @Override
    public String summary() {
        return "takes accepted TCP connections passed over a Unix socket with SCM_RIGHTS (socketbox style)";
    }

    @Override
    public Source create(SocketboxConfig config, PluginContext context) {
        return new SocketboxSource(config, context.network());
    }
}

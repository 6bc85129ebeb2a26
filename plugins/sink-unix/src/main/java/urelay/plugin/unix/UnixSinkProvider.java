// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.unix;

import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;

/** Provides the {@code unix} sink. */
public final class UnixSinkProvider implements SinkProvider<UnixConfig> {

    @Override
    public String type() {
        return "unix";
    }

    @Override
    public Class<UnixConfig> configType() {
        return UnixConfig.class;
    }

    @Override
    public String summary() {
        return "connects to a Unix socket: a fixed path, or one built from the destination";
    }

    @Override
    public Sink create(UnixConfig config, PluginContext context) {
        return new UnixSink(new PathTemplate(config.path()), config, context.network());
    }
}

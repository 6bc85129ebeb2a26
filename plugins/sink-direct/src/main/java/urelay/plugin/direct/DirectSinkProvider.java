// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.direct;

import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;

/** Provides the {@code direct} sink. */
public final class DirectSinkProvider implements SinkProvider<DirectConfig> {

    @Override
    public String type() {
        return "direct";
    }

    @Override
    public Class<DirectConfig> configType() {
        return DirectConfig.class;
    }

    @Override
    public String summary() {
        return "connects to the destination from urelay's own network namespace";
    }

    @Override
    public Sink create(DirectConfig config, PluginContext context) {
        return new DirectSink(config, context.network());
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;

/** Fails in its constructor; only registered by the registry's tests. */
public final class BrokenSinkProvider implements SinkProvider<NoSettings> {

    public BrokenSinkProvider() {
        throw new IllegalStateException("licence file missing");
    }

    @Override
    public String type() {
        return "broken";
    }

    @Override
    public Class<NoSettings> configType() {
        return NoSettings.class;
    }

    @Override
    public String summary() {
        return "Never loads.";
    }

    @Override
    public Sink create(NoSettings config, PluginContext context) {
        throw new UnsupportedOperationException("never created");
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

/** Fails in its constructor; only registered by the registry's tests. */
public final class BrokenSinkProvider implements urelay.spi.SinkProvider<NoSettings> {

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
    public urelay.spi.Sink create(NoSettings config, urelay.spi.PluginContext context) {
        throw new UnsupportedOperationException("never created");
    }
}

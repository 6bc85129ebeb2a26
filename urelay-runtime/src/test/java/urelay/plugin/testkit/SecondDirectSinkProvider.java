// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;

/** Claims the type {@code direct} a second time; only registered by the registry's tests. */
public final class SecondDirectSinkProvider implements SinkProvider<NoSettings> {

    @Override
    public String type() {
        return "direct";
    }

    @Override
    public Class<NoSettings> configType() {
        return NoSettings.class;
    }

    @Override
    public String summary() {
        return "A second direct sink.";
    }

    @Override
    public Sink create(NoSettings config, PluginContext context) {
        throw new UnsupportedOperationException("never created");
    }
}

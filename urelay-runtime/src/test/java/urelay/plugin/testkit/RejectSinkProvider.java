// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import urelay.spi.Outcome;
import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;
import urelay.spi.SinkResult;

/** A sink that turns every connection away. */
public final class RejectSinkProvider implements SinkProvider<NoSettings> {

    @Override
    public String type() {
        return "reject";
    }

    @Override
    public Class<NoSettings> configType() {
        return NoSettings.class;
    }

    @Override
    public String summary() {
        return "Test sink that rejects.";
    }

    @Override
    public Sink create(NoSettings config, PluginContext context) {
        return (destination, client) -> new SinkResult.Failed(Outcome.REJECTED, "rejected by config");
    }
}

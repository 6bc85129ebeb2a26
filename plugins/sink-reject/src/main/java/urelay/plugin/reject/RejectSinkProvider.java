// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.reject;

import urelay.spi.Outcome;
import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;
import urelay.spi.SinkResult;

/**
 * Provides the {@code reject} sink, which connects nowhere: the runtime resets the client and
 * logs the outcome {@code rejected}. Routes use it to block destinations on purpose.
 */
public final class RejectSinkProvider implements SinkProvider<RejectConfig> {

    @Override
    public String type() {
        return "reject";
    }

    @Override
    public Class<RejectConfig> configType() {
        return RejectConfig.class;
    }

    @Override
    public String summary() {
        return "turns the connection away with a reset";
    }

    @Override
    public Sink create(RejectConfig config, PluginContext context) {
        SinkResult rejected = new SinkResult.Failed(Outcome.REJECTED, "rejected by sink " + context.name());
        return (destination, client) -> rejected;
    }
}

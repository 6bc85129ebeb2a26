// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.Outcome;
import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;
import urelay.spi.SinkResult;

/** A sink that keeps its config and connects nowhere. */
public final class DirectSinkProvider implements SinkProvider<DirectConfig> {

    /** The sink made from a config, so tests can look at what was bound; takes a route's bind. */
    public record TestSink(DirectConfig config) implements Sink {
        @Override
        public SinkResult connect(Destination destination, ClientConnection client) {
            return new SinkResult.Failed(Outcome.REJECTED, "test sink");
        }

        @Override
        public boolean acceptsBind() {
            return true;
        }
    }

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
        return "Test sink standing in for direct connections.";
    }

    @Override
    public Sink create(DirectConfig config, PluginContext context) {
        return new TestSink(config);
    }
}

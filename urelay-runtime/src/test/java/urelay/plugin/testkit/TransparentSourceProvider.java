// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import java.util.List;
import java.util.Optional;
import urelay.spi.Acceptor;
import urelay.spi.ListenRequest;
import urelay.spi.PluginContext;
import urelay.spi.Source;
import urelay.spi.SourceProvider;

/** A source that keeps its config and opens nothing. */
public final class TransparentSourceProvider implements SourceProvider<TransparentConfig> {

    /** The source made from a config, so tests can look at what was bound. */
    public record TestSource(TransparentConfig config, PluginContext context) implements Source {
        @Override
        public List<Acceptor> open() {
            return List.of();
        }

        @Override
        public List<ListenRequest> listenRequests() {
            return config.ports().stream()
                    .map(port -> new ListenRequest(Optional.ofNullable(config.netns()), config.address(), port))
                    .toList();
        }
    }

    @Override
    public String type() {
        return "transparent";
    }

    @Override
    public Class<TransparentConfig> configType() {
        return TransparentConfig.class;
    }

    @Override
    public String summary() {
        return "Test source that opens nothing.";
    }

    @Override
    public Source create(TransparentConfig config, PluginContext context) {
        return new TestSource(config, context);
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.origdst;

import urelay.spi.PluginContext;
import urelay.spi.Resolver;
import urelay.spi.ResolverProvider;

/** Provides the {@code original-destination} resolver. */
public final class OriginalDestinationProvider implements ResolverProvider<OriginalDestinationConfig> {

    @Override
    public String type() {
        return "original-destination";
    }

    @Override
    public Class<OriginalDestinationConfig> configType() {
        return OriginalDestinationConfig.class;
    }

    @Override
    public String summary() {
        return "the destination is the address the client connected to, as the kernel reports it";
    }

    @Override
    public Resolver create(OriginalDestinationConfig config, PluginContext context) {
        return new OriginalDestinationResolver();
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import java.util.Optional;
import urelay.spi.IpDestination;
import urelay.spi.PluginContext;
import urelay.spi.Resolver;
import urelay.spi.ResolverProvider;

/** A resolver that answers with the connection's original destination. */
public final class OriginalDestinationResolverProvider implements ResolverProvider<NoSettings> {

    @Override
    public String type() {
        return "original-destination";
    }

    @Override
    public Class<NoSettings> configType() {
        return NoSettings.class;
    }

    @Override
    public String summary() {
        return "Test resolver: the address the client connected to.";
    }

    @Override
    public Resolver create(NoSettings config, PluginContext context) {
        return client -> Optional.of(IpDestination.of(client.originalDestination()));
    }
}

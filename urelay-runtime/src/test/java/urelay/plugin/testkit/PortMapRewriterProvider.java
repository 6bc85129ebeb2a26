// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import urelay.spi.IpDestination;
import urelay.spi.PluginContext;
import urelay.spi.Rewriter;
import urelay.spi.RewriterProvider;

/** A rewriter that moves one port to another; refuses a map that changes nothing in create(). */
public final class PortMapRewriterProvider implements RewriterProvider<PortMapConfig> {

    @Override
    public String type() {
        return "port-map";
    }

    @Override
    public Class<PortMapConfig> configType() {
        return PortMapConfig.class;
    }

    @Override
    public String summary() {
        return "Test rewriter: maps one port to another.";
    }

    @Override
    public Rewriter create(PortMapConfig config, PluginContext context) {
        if (config.from() == config.to()) {
            throw new IllegalArgumentException("to: equals from; a port map must change the port");
        }
        return (destination, client) -> destination instanceof IpDestination ip && ip.port() == config.from()
                ? new IpDestination(ip.address(), config.to())
                : destination;
    }
}

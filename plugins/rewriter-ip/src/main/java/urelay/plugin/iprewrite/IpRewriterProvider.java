// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import urelay.spi.PluginContext;
import urelay.spi.Rewriter;
import urelay.spi.RewriterProvider;

/** Provides the {@code ip-rewrite} rewriter, configured by {@link IpRewriteConfig}. */
public final class IpRewriterProvider implements RewriterProvider<IpRewriteConfig> {

    /** Called by {@link java.util.ServiceLoader}; the provider holds no state. */
    public IpRewriterProvider() {
    }

    @Override
    public String type() {
        return "ip-rewrite";
    }

    @Override
    public Class<IpRewriteConfig> configType() {
        return IpRewriteConfig.class;
    }

    @Override
    public String summary() {
        return "rewrites IP destinations: NAT64 and NAT46 after RFC 6052, prefix maps and port maps";
    }

    @Override
    public Rewriter create(IpRewriteConfig config, PluginContext context) {
        return new IpRewriter(config.destinationMatch(), config.mapping());
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.transparent;

import urelay.spi.Capture;
import urelay.spi.PluginContext;
import urelay.spi.Source;
import urelay.spi.SourceProvider;

/**
 * Provides the {@code tproxy} source: listeners with {@code IP_TRANSPARENT}, fed by an
 * nftables or iptables TPROXY rule, so one port takes connections to every address and port.
 */
public final class TproxySourceProvider implements SourceProvider<TransparentConfig> {

    @Override
    public String type() {
        return "tproxy";
    }

    @Override
    public Class<TransparentConfig> configType() {
        return TransparentConfig.class;
    }

    @Override
    public String summary() {
        return "takes connections a TPROXY rule delivers (IP_TRANSPARENT listener; needs CAP_NET_ADMIN)";
    }

    @Override
    public Source create(TransparentConfig config, PluginContext context) {
        return new TransparentSource(config, context.network(), Capture.TPROXY);
    }
}

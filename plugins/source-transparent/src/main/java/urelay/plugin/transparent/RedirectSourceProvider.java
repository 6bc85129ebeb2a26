// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.transparent;

import urelay.spi.Capture;
import urelay.spi.PluginContext;
import urelay.spi.Source;
import urelay.spi.SourceProvider;

/**
 * Provides the {@code redirect} source: listeners fed by a REDIRECT or DNAT rule, which read
 * each connection's original destination from connection tracking.
 */
public final class RedirectSourceProvider implements SourceProvider<TransparentConfig> {

    @Override
    public String type() {
        return "redirect";
    }

    @Override
    public Class<TransparentConfig> configType() {
        return TransparentConfig.class;
    }

    @Override
    public String summary() {
        return "takes connections a REDIRECT rule sent here; the destination comes from SO_ORIGINAL_DST";
    }

    @Override
    public Source create(TransparentConfig config, PluginContext context) {
        return new TransparentSource(config, context.network(), Capture.REDIRECT);
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.transparent;

import urelay.spi.Capture;
import urelay.spi.PluginContext;
import urelay.spi.Source;
import urelay.spi.SourceProvider;

/** Provides the {@code transparent} source. */
public final class TransparentSourceProvider implements SourceProvider<TransparentConfig> {

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
        return "listens on ports, optionally inside another network namespace; with local routes there, "
                + "it takes connections to any address";
    }

    @Override
    public Source create(TransparentConfig config, PluginContext context) {
        return new TransparentSource(config, context.network(), Capture.LOCAL);
    }
}

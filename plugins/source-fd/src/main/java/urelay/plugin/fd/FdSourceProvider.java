// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.fd;

import urelay.spi.PluginContext;
import urelay.spi.Source;
import urelay.spi.SourceProvider;

/** Provides the {@code fd} source. */
public final class FdSourceProvider implements SourceProvider<FdConfig> {

    @Override
    public String type() {
        return "fd";
    }

    @Override
    public Class<FdConfig> configType() {
        return FdConfig.class;
    }

    @Override
    public String summary() {
        return "takes listening sockets inherited from the parent (ctrtool variables, systemd LISTEN_FDS)";
    }

    @Override
    public Source create(FdConfig config, PluginContext context) {
        return new FdSource(config, context.network(), System::getenv, ProcessHandle.current().pid());
    }
}

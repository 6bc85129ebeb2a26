// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * Makes {@link Source}s: the {@code source} of a listener in the YAML config.
 *
 * @param <C> the config record
 */
public interface SourceProvider<C extends Record> extends PluginProvider<C> {

    /**
     * Creates a source from a validated config. Must not open sockets: {@code urelay check}
     * creates every instance to validate a config without touching the network.
     *
     * @throws IllegalArgumentException if the config is valid alone but cannot be used; the
     *                                  message names the key and what is allowed
     */
    Source create(C config, PluginContext context);
}

// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * Makes {@link Sink}s: a named entry under {@code sinks} in the YAML config.
 *
 * @param <C> the config record
 */
public interface SinkProvider<C extends Record> extends PluginProvider<C> {

    /**
     * Creates a sink from a validated config. Must not connect anywhere yet.
     *
     * @throws IllegalArgumentException if the config cannot be used; the message names the key
     *                                  and what is allowed
     */
    Sink create(C config, PluginContext context);
}

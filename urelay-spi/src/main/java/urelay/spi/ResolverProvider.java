// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * Makes {@link Resolver}s: an entry of a listener's {@code resolvers} list.
 *
 * @param <C> the config record
 */
public interface ResolverProvider<C extends Record> extends PluginProvider<C> {

    /** Creates a resolver from a validated config. */
    Resolver create(C config, PluginContext context);
}

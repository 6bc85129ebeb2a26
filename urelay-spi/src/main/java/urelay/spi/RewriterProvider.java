// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * Makes {@link Rewriter}s: an entry of a listener's {@code rewriters} list.
 *
 * @param <C> the config record
 */
public interface RewriterProvider<C extends Record> extends PluginProvider<C> {

    /** Creates a rewriter from a validated config. */
    Rewriter create(C config, PluginContext context);
}

// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * What every provider has in common: the {@code type} name that selects it in the YAML config
 * and the record type its block binds to.
 *
 * <p>A provider is loaded by {@link java.util.ServiceLoader} and must have a public
 * no-argument constructor (or a public static {@code provider()} method). It is created once
 * per run and may be asked for many instances.
 *
 * @param <C> the config record
 */
public interface PluginProvider<C extends Record> {

    /**
     * The name that selects this provider, in lower-case kebab case, such as {@code direct}.
     * Types are unique per role: two sinks may not share a type.
     */
    String type();

    /**
     * The record the provider's YAML block binds to, without its {@code type} key. The record
     * must be public, in a package the plugin module exports. A provider that takes no
     * settings returns a record with no components.
     */
    Class<C> configType();

    /** One line saying what the plugin does, for {@code urelay plugins}. */
    String summary();
}

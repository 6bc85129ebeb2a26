// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import java.util.List;
import java.util.Objects;
import urelay.spi.PluginProvider;

/**
 * What {@link PluginRegistry} found for a role and type: one provider, none, or more than
 * one (which is an error the config reports where the type is used).
 *
 * @param <P> the provider interface of the role
 */
public sealed interface Lookup<P extends PluginProvider<?>> {

    /** Exactly one provider has the type. */
    record Found<P extends PluginProvider<?>>(P provider) implements Lookup<P> {
        public Found {
            Objects.requireNonNull(provider, "provider");
        }
    }

    /** No provider has the type; {@code known} lists the role's types, sorted. */
    record Unknown<P extends PluginProvider<?>>(List<String> known) implements Lookup<P> {
        public Unknown {
            known = List.copyOf(known);
        }
    }

    /** Several providers claim the type; {@code origins} names each by module and class. */
    record Duplicate<P extends PluginProvider<?>>(List<String> origins) implements Lookup<P> {
        public Duplicate {
            origins = List.copyOf(origins);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import urelay.spi.PluginProvider;
import urelay.spi.ResolverProvider;
import urelay.spi.RewriterProvider;
import urelay.spi.SinkProvider;
import urelay.spi.SourceProvider;

/** The four plugin roles, each with the service interface its providers implement. */
public enum Kind {
    SOURCE("source", SourceProvider.class),
    RESOLVER("resolver", ResolverProvider.class),
    REWRITER("rewriter", RewriterProvider.class),
    SINK("sink", SinkProvider.class);

    private final String word;
    private final Class<? extends PluginProvider<?>> service;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Kind(String word, Class service) {
        this.word = word;
        this.service = (Class<? extends PluginProvider<?>>) service;
    }

    /** The role in lower case, as messages name it: {@code sink}. */
    public String word() {
        return word;
    }

    /** The service interface providers of this role implement. */
    public Class<? extends PluginProvider<?>> service() {
        return service;
    }
}

// SPDX-License-Identifier: Apache-2.0
/**
 * The urelay plugin SPI: the four plugin roles (source, resolver, rewriter, sink), the
 * values that flow between them, and the services the runtime lends to plugins.
 *
 * <p>A plugin module {@code requires urelay.spi} and {@code provides} one of
 * {@link urelay.spi.SourceProvider}, {@link urelay.spi.ResolverProvider},
 * {@link urelay.spi.RewriterProvider} or {@link urelay.spi.SinkProvider}. The runtime finds
 * providers with {@link java.util.ServiceLoader} and picks one by its {@code type} name,
 * the value of the {@code type} key in the YAML config.
 */
module urelay.spi {
    exports urelay.spi;
}

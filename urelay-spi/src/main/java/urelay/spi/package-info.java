// SPDX-License-Identifier: Apache-2.0
/**
 * Plugin roles, destinations, streams and results.
 *
 * <h2>The pipeline</h2>
 * A {@link urelay.spi.Source} yields {@link urelay.spi.ClientConnection}s. The listener's
 * {@link urelay.spi.Resolver}s are asked in order until one names the
 * {@link urelay.spi.Destination}; the {@link urelay.spi.Rewriter}s then rewrite it in order;
 * the runtime's routes pick a {@link urelay.spi.Sink}, which connects onward and returns a
 * {@link urelay.spi.SinkResult}. Moving bytes between the client and the upstream belongs to
 * the runtime, never to a plugin.
 *
 * <h2>Configuration</h2>
 * Each provider names the record type its YAML block binds to
 * ({@link urelay.spi.PluginProvider#configType()}). The record must be public and sit in a
 * package the plugin module exports; keys are written in kebab case ({@code connect-timeout}
 * binds to a component {@code connectTimeout}). Supported component types: {@code String},
 * {@code int}/{@code Integer}, {@code boolean}, {@link java.time.Duration} (written
 * {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}), {@link java.nio.file.Path},
 * {@link java.net.InetAddress}, {@link urelay.spi.BindProfile} (a {@code bind} block, read by
 * the runtime with the same keys everywhere), lists of these, and nested records. A compact constructor
 * that throws {@link java.lang.IllegalArgumentException} reports a config error; its message
 * should name the key and say what is allowed.
 *
 * <h2>Threads</h2>
 * Every connection runs on its own virtual thread. Plugin code is plain blocking code: the
 * streams the runtime hands out park the calling virtual thread instead of blocking a
 * carrier thread.
 */
package urelay.spi;

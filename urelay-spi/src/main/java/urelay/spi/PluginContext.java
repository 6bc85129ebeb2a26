// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * What the runtime lends a plugin instance when it creates one.
 *
 * @param name    the instance's name: the sink's key under {@code sinks}, or the listener's
 *                name for its source, resolvers and rewriters
 * @param network the runtime's sockets
 */
public record PluginContext(String name, Network network) {
}

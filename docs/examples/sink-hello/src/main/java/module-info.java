// SPDX-License-Identifier: Apache-2.0
/**
 * An example urelay sink: answers every connection itself with a fixed greeting.
 *
 * <p>A plugin module needs three things: it requires the SPI, exports the package of its
 * settings record (urelay binds the YAML block to that record by reflection, which needs the
 * package exported, not opened), and provides its provider to {@code ServiceLoader}. Everything
 * else can stay in packages that are not exported.
 */
module org.example.urelay.hello {
    requires urelay.spi;

    exports org.example.urelay.hello;

    provides urelay.spi.SinkProvider with org.example.urelay.hello.internal.HelloSinkProvider;
}

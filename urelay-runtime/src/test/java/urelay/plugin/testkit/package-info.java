// SPDX-License-Identifier: Apache-2.0
/**
 * Small plugins for the runtime's tests, registered through {@code META-INF/services} in the
 * test resources. They follow the SPI's rules (public config records, validation in compact
 * constructors) but never open a socket.
 */
package urelay.plugin.testkit;

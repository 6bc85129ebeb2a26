// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.direct;

import java.time.Duration;
import urelay.spi.BindProfile;

/**
 * The {@code direct} sink's YAML block.
 *
 * @param connectTimeout how long to wait for the TCP handshake; default 10s, at most 10m
 * @param bind           how to bind each outbound socket before it connects; absent for no
 *                       binding. A route's {@code bind} takes precedence option by option.
 */
public record DirectConfig(Duration connectTimeout, BindProfile bind) {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(10);

    public DirectConfig {
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero() || connectTimeout.compareTo(MAX_CONNECT_TIMEOUT) > 0) {
            throw new IllegalArgumentException("connect-timeout: " + connectTimeout.toMillis()
                    + "ms is out of range; allowed 1ms to 10m");
        }
    }
}

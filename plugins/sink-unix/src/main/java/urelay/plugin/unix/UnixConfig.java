// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.unix;

import java.time.Duration;

/**
 * The {@code unix} sink's YAML block.
 *
 * @param path           the socket's path, or a template such as {@code /run/app/{port}.sock}
 *                       ({@code {port}}, {@code {address}}, {@code {host}})
 * @param connectTimeout how long to wait while the listener's queue is full; default 5s
 */
public record UnixConfig(String path, Duration connectTimeout) {

    public UnixConfig {
        new PathTemplate(path);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect-timeout: must be positive, such as 5s");
        }
    }
}

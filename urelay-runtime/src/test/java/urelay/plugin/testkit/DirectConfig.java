// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import java.time.Duration;

/** The test direct sink's settings. */
public record DirectConfig(Duration connectTimeout) {

    public DirectConfig {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connect-timeout: must be longer than 0s");
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

import java.time.Duration;
import urelay.spi.BindProfile;

/** The test direct sink's settings; {@code bind} is read by the runtime like any bind block. */
public record DirectConfig(Duration connectTimeout, BindProfile bind) {

    public DirectConfig {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connect-timeout: must be longer than 0s");
        }
    }

    public DirectConfig(Duration connectTimeout) {
        this(connectTimeout, null);
    }
}

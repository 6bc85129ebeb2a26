// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.util.Objects;
import urelay.spi.Sink;

/**
 * A sink ready to use: one entry under {@code sinks} in the config.
 *
 * @param name the entry's key, which routes refer to
 * @param type the provider's type, such as {@code direct}
 * @param sink the instance the provider created
 */
public record SinkPlan(String name, String type, Sink sink) {

    public SinkPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sink, "sink");
    }
}

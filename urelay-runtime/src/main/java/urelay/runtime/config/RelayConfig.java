// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import urelay.runtime.audit.AuditFormat;

/**
 * A validated config, with every plugin instance created: what the engine runs.
 *
 * @param file        the file it was read from
 * @param listeners   the listeners, in the file's order
 * @param sinks       the sinks by name, in the file's order
 * @param auditFormat the format of the audit lines on standard output
 * @param logLevel    the level below which log messages are dropped
 */
public record RelayConfig(
        Path file,
        List<ListenerPlan> listeners,
        Map<String, SinkPlan> sinks,
        AuditFormat auditFormat,
        Level logLevel) {

    public RelayConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(auditFormat, "auditFormat");
        Objects.requireNonNull(logLevel, "logLevel");
        listeners = List.copyOf(listeners);
        sinks = Collections.unmodifiableMap(new LinkedHashMap<>(sinks));
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.audit;

/** How {@link AuditLog} writes its lines: the config's {@code audit.format}. */
public enum AuditFormat {
    /** {@code conn.end key=value ...}, for people and grep. */
    PLAIN,
    /** One JSON object per line, for log shippers. */
    JSON
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import urelay.runtime.audit.AuditLog;
import urelay.runtime.config.RelayConfig;

/** Placeholder so the CLI compiles; the engine branch replaces this file on merge. */
public final class Engine implements AutoCloseable {

    public Engine(RelayConfig config, AuditLog audit) {
    }

    /** Opens every source's acceptors, then relays until close() or the JVM shuts down. */
    public void run() throws java.io.IOException, InterruptedException {
        throw new UnsupportedOperationException("placeholder engine: replaced on merge");
    }

    @Override
    public void close() {
    }
}

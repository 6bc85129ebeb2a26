// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short connection ids for log and audit lines: a random prefix per run, so ids from two runs
 * do not collide in one log, then a counter. Thread-safe.
 */
final class ConnectionIds {

    private final String prefix = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    private final AtomicLong next = new AtomicLong();

    String next() {
        return prefix + Long.toHexString(next.incrementAndGet());
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import urelay.spi.Outcome;
import urelay.spi.SinkResult;

/**
 * Turns the REP field of a SOCKS5 reply (RFC 1928 section 6) that is not "succeeded" into the
 * outcome the audit line reports. Stateless; any thread.
 */
final class Socks5Reply {

    private Socks5Reply() {
    }

    /**
     * The failure a reply code means, with a detail such as
     * {@code socks5 reply 5: connection refused}.
     *
     * @param code the REP byte, 1 to 255
     */
    static SinkResult.Failed failure(int code) {
        return switch (code) {
            case 0x01 -> failed(code, Outcome.ERROR, "general failure");
            case 0x02 -> failed(code, Outcome.REJECTED, "not allowed by ruleset");
            case 0x03 -> failed(code, Outcome.UNREACHABLE, "network unreachable");
            case 0x04 -> failed(code, Outcome.UNREACHABLE, "host unreachable");
            case 0x05 -> failed(code, Outcome.REFUSED, "connection refused");
            case 0x06 -> failed(code, Outcome.TIMEOUT, "TTL expired");
            case 0x07 -> failed(code, Outcome.ERROR, "command not supported");
            case 0x08 -> failed(code, Outcome.ERROR, "address type not supported");
            // An int switch needs a default; codes 9 to 255 are unassigned by RFC 1928.
            default -> failed(code, Outcome.ERROR, "unassigned code");
        };
    }

    private static SinkResult.Failed failed(int code, Outcome outcome, String meaning) {
        return new SinkResult.Failed(outcome, "socks5 reply " + code + ": " + meaning);
    }
}

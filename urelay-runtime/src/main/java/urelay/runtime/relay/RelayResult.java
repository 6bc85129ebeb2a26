// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.relay;

import urelay.spi.Outcome;

/**
 * What a finished relay moved and how it ended.
 *
 * @param upBytes   bytes from the client to the upstream
 * @param downBytes bytes from the upstream to the client
 * @param outcome   {@link Outcome#OK}, {@link Outcome#RESET}, {@link Outcome#TIMEOUT} or {@link Outcome#ERROR}
 * @param detail    which side reset, the errno name, or {@code -}
 */
public record RelayResult(long upBytes, long downBytes, Outcome outcome, String detail) {
}

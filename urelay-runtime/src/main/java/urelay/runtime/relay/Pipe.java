// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.relay;

/**
 * A kernel pipe used as the buffer between two {@code splice} calls.
 *
 * @param readFd  the end bytes are spliced out of
 * @param writeFd the end bytes are spliced into
 */
record Pipe(int readFd, int writeFd) {
}

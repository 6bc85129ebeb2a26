// SPDX-License-Identifier: Apache-2.0
/**
 * {@code urelay netns}: prepares and shows a named network namespace for capturing
 * connections, by running {@code ip} and {@code nft} with exact argument lists (no shell).
 * Everything here acts on the named namespace only, never on the caller's own.
 */
package urelay.runtime.netns;

// SPDX-License-Identifier: Apache-2.0
/**
 * Routes: which sinks take a connection, by listener, client address, and the destination's
 * address, name and port; first match wins.
 */
package urelay.runtime.route;

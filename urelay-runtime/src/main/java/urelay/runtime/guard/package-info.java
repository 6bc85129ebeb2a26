// SPDX-License-Identifier: Apache-2.0
/**
 * The guard: the check that keeps clients from using urelay to reach the host it runs on,
 * special-purpose addresses, or urelay itself.
 */
package urelay.runtime.guard;

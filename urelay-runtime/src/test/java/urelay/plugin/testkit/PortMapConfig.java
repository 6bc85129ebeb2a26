// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

/** The test rewriter's settings. */
public record PortMapConfig(int from, int to) {
}

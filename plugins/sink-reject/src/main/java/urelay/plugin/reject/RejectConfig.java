// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.reject;

/** The {@code reject} sink takes no settings. */
public record RejectConfig() {
}

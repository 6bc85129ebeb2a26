// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.origdst;

/** The {@code original-destination} resolver takes no settings. */
public record OriginalDestinationConfig() {
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.testkit;

/** The config of a test plugin that takes no settings. */
public record NoSettings() {
}

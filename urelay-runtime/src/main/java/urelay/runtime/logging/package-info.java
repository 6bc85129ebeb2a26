// SPDX-License-Identifier: Apache-2.0
/** The runtime's {@link System.LoggerFinder}: one line per message, {@code key=value} fields. */
package urelay.runtime.logging;

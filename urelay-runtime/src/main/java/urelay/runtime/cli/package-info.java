// SPDX-License-Identifier: Apache-2.0
/** The {@code urelay} command line: {@code run}, {@code check} and {@code plugins}. */
package urelay.runtime.cli;

// SPDX-License-Identifier: Apache-2.0
/** The {@code urelay} command line: {@code run}, {@code check}, {@code plugins} and {@code netns}. */
package urelay.runtime.cli;

// SPDX-License-Identifier: Apache-2.0
/** Finds the source, resolver, rewriter and sink providers with {@link java.util.ServiceLoader}. */
package urelay.runtime.plugin;

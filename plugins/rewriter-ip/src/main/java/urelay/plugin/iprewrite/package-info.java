// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code ip-rewrite} rewriter plugin.
 *
 * <p>Public types are the config records the runtime binds from YAML
 * ({@link urelay.plugin.iprewrite.IpRewriteConfig}, {@link urelay.plugin.iprewrite.MatchConfig})
 * and the provider the runtime loads. The address arithmetic (prefixes, RFC 6052 embedding,
 * port ranges) lives in package-private immutable records, safe to share between threads.
 */
package urelay.plugin.iprewrite;

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import java.util.Objects;

/**
 * What {@code urelay plugins} shows about one provider.
 *
 * @param kind    its role
 * @param type    the name that selects it in the config
 * @param module  the module it comes from, or {@code (class path)}
 * @param summary its one-line description
 */
public record PluginInfo(Kind kind, String type, String module, String summary) {

    public PluginInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(summary, "summary");
    }
}

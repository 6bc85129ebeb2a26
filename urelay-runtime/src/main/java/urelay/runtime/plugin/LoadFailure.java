// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A plugin that could not be loaded: a jar of a plugins directory that is not a usable module,
 * or a provider whose class could not be made.
 *
 * @param plugin what failed, as the user would look for it: {@code plugin /opt/urelay/plugins/hello.jar
 *               (module org.example.hello)} or {@code sink provider a.B in module a}
 * @param reason why, in one line
 * @param kinds  the roles it would have filled; all four when that is unknown (a jar that cannot
 *               be read), none for a library that provides nothing itself
 */
public record LoadFailure(String plugin, String reason, Set<Kind> kinds) {

    public LoadFailure {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(reason, "reason");
        reason = reason.replace('\n', ' ');
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** The line {@code urelay} prints for it: {@code cannot load PLUGIN: REASON}. */
    public String text() {
        return "cannot load " + plugin + ": " + reason;
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems found in one config file while it is read, and prints each as one
 * line, {@code FILE:LINE:COL: PATH: PROBLEM; ALLOWED}, in file order; control characters a name
 * or key brought in are escaped, so a problem never spans lines. Used by one thread.
 */
final class Problems {

    private final String file;
    private final List<Entry> entries = new ArrayList<>();
    private YamlDocument document;

    /** @param file the file's name as the user gave it */
    Problems(String file) {
        this.file = file;
    }

    /** Starts resolving paths against {@code parsed}; until then problems sit at 1:1. */
    void document(YamlDocument parsed) {
        this.document = parsed;
    }

    /** A problem with the value at {@code path}. */
    void atValue(YamlPath path, String message) {
        at(document == null ? Location.START : document.valueLocation(path), path, message);
    }

    /** A problem with the key of the entry at {@code path}, such as an unknown key. */
    void atKey(YamlPath path, String message) {
        at(document == null ? Location.START : document.keyLocation(path), path, message);
    }

    /** A problem at a place found another way, such as a YAML syntax error. */
    void at(Location location, YamlPath path, String message) {
        entries.add(new Entry(location, entries.size(), path + ": " + message));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The problems as lines, in the order of their places in the file. */
    List<String> lines() {
        return entries.stream()
                .sorted(Comparator.comparing(Entry::location).thenComparing(Entry::order))
                .map(entry -> OneLine.escape(file + ":" + entry.location() + ": " + entry.text()))
                .toList();
    }

    private record Entry(Location location, int order, String text) {
    }
}

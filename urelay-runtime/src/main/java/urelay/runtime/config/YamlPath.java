// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in the YAML tree, as a list of keys ({@code String}) and list indexes
 * ({@code Integer}). It prints the way problems name places, {@code listeners[0].source.ports[1]},
 * and gives the JSON Pointer used to look up the value's location.
 *
 * @param segments keys and indexes from the root
 */
record YamlPath(List<Object> segments) {

    /** The document's root. */
    static final YamlPath ROOT = new YamlPath(List.of());

    YamlPath {
        segments = List.copyOf(segments);
    }

    /** The value under {@code key} of this mapping. */
    YamlPath key(String key) {
        return append(key);
    }

    /** The item at {@code index} of this list. */
    YamlPath index(int index) {
        return append(index);
    }

    /** This path followed by {@code more}. */
    YamlPath resolve(YamlPath more) {
        List<Object> joined = new ArrayList<>(segments);
        joined.addAll(more.segments);
        return new YamlPath(joined);
    }

    /** The path one step up; the root's parent is the root. */
    YamlPath parent() {
        return segments.isEmpty() ? this : new YamlPath(segments.subList(0, segments.size() - 1));
    }

    /** The JSON Pointer of this path, such as {@code /listeners/0/source}. */
    String pointer() {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "(document)";
        }
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(segment);
            }
        }
        return text.toString();
    }

    private YamlPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new YamlPath(longer);
    }
}

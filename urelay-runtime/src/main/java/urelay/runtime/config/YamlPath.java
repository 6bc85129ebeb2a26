// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a value sits in the YAML tree: keys ({@code String}) and list indexes ({@code Integer})
 * from the root. It prints the way problems name places, {@code listeners[0].source.ports[1]},
 * and is the key under which the reader records each value's location.
 *
 * <p>A path is its parent plus one segment, and its hash is computed once, so making the path
 * of a child and recording it costs the same at any depth: reading a file costs time and memory
 * in proportion to its size, however deeply it nests. (A record holding a segment list would
 * copy the list for every child.) Immutable.
 */
final class YamlPath {

    /** The document's root. */
    static final YamlPath ROOT = new YamlPath(null, null);

    private final YamlPath parent;
    private final Object segment;
    private final int depth;
    private final int hash;

    private YamlPath(YamlPath parent, Object segment) {
        this.parent = parent;
        this.segment = segment;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.hash = parent == null ? 0 : 31 * parent.hash + segment.hashCode();
    }

    /** The path of {@code segments}, keys and indexes, from the root. */
    static YamlPath of(List<?> segments) {
        YamlPath path = ROOT;
        for (Object segment : segments) {
            path = path.append(segment);
        }
        return path;
    }

    /** The value under {@code key} of this mapping. */
    YamlPath key(String key) {
        return append(Objects.requireNonNull(key, "key"));
    }

    /** The item at {@code index} of this list. */
    YamlPath index(int index) {
        return append(index);
    }

    /** This path followed by {@code more}. */
    YamlPath resolve(YamlPath more) {
        YamlPath joined = this;
        for (Object next : more.segments()) {
            joined = joined.append(next);
        }
        return joined;
    }

    /** The path one step up; the root's parent is the root. */
    YamlPath parent() {
        return parent == null ? this : parent;
    }

    boolean isRoot() {
        return parent == null;
    }

    /** The last key or index; the root has none. */
    Object last() {
        if (isRoot()) {
            throw new IllegalStateException("the root has no segment");
        }
        return segment;
    }

    /** The keys and indexes from the root; costs as much as the path is deep. */
    List<Object> segments() {
        Object[] segments = new Object[depth];
        for (YamlPath at = this; at.parent != null; at = at.parent) {
            segments[at.depth - 1] = at.segment;
        }
        return List.of(segments);
    }

    /** The JSON Pointer of this path, such as {@code /listeners/0/source}. */
    String pointer() {
        StringBuilder pointer = new StringBuilder();
        for (Object next : segments()) {
            pointer.append('/').append(next.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof YamlPath that) || that.hash != hash || that.depth != depth) {
            return false;
        }
        YamlPath a = this;
        YamlPath b = that;
        while (a != b) {
            if (!a.segment.equals(b.segment)) {
                return false;
            }
            a = a.parent;
            b = b.parent;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return "(document)";
        }
        StringBuilder text = new StringBuilder();
        for (Object next : segments()) {
            if (next instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(next);
            }
        }
        return text.toString();
    }

    private YamlPath append(Object next) {
        return new YamlPath(this, next);
    }
}

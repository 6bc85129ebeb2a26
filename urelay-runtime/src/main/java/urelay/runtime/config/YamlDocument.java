// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed config file: the tree of values, and where in the file each value and each key
 * starts, by JSON Pointer. Lets a problem found anywhere, even deep inside Jackson's binding
 * of a plugin's settings, point at a real line and column.
 *
 * @param root   the document's root value
 * @param values where each value starts
 * @param keys   where the key of each mapping entry starts
 */
record YamlDocument(JsonNode root, Map<String, Location> values, Map<String, Location> keys) {

    YamlDocument {
        values = Map.copyOf(values);
        keys = Map.copyOf(keys);
    }

    /** The value at {@code path}, or a missing node. */
    JsonNode node(YamlPath path) {
        return root.at(JsonPointer.compile(path.pointer()));
    }

    /** Where the value at {@code path} starts, or its nearest recorded parent. */
    Location valueLocation(YamlPath path) {
        YamlPath probe = path;
        while (true) {
            Location found = values.get(probe.pointer());
            if (found != null) {
                return found;
            }
            if (probe.segments().isEmpty()) {
                return Location.START;
            }
            probe = probe.parent();
        }
    }

    /** Where the key of the entry at {@code path} starts, or else where its value does. */
    Location keyLocation(YamlPath path) {
        Location found = keys.get(path.pointer());
        return found != null ? found : valueLocation(path);
    }
}

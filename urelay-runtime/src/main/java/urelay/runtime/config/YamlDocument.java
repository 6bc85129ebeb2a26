// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed config file: the tree of values, and where in the file each value and each key
 * starts, by path. Lets a problem found anywhere, even deep inside Jackson's binding
 * of a plugin's settings, point at a real line and column.
 *
 * @param root   the document's root value
 * @param values where each value starts
 * @param keys   where the key of each mapping entry starts
 */
record YamlDocument(JsonNode root, Map<YamlPath, Location> values, Map<YamlPath, Location> keys) {

    YamlDocument {
        values = Map.copyOf(values);
        keys = Map.copyOf(keys);
    }

    /** The value at {@code path}, or a missing node. */
    JsonNode node(YamlPath path) {
        JsonNode node = root;
        for (Object segment : path.segments()) {
            node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
        }
        return node;
    }

    /** Where the value at {@code path} starts, or its nearest recorded parent. */
    Location valueLocation(YamlPath path) {
        YamlPath probe = path;
        while (true) {
            Location found = values.get(probe);
            if (found != null) {
                return found;
            }
            if (probe.isRoot()) {
                return Location.START;
            }
            probe = probe.parent();
        }
    }

    /** Where the key of the entry at {@code path} starts, or else where its value does. */
    Location keyLocation(YamlPath path) {
        Location found = keys.get(path);
        return found != null ? found : valueLocation(path);
    }
}

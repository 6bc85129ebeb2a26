// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.util.List;

/**
 * Reads a namespace's routes of type {@code local} from {@code ip route show table all}.
 * {@code ip} writes {@code table NAME} after the route unless the table is {@code main}; the
 * kernel's own entries (in table {@code local}) are left out, since every namespace has them.
 */
final class LocalRoutes {

    private LocalRoutes() {
    }

    /** The local routes of {@code family} ({@code -4} or {@code -6}) outside table {@code local}. */
    static List<String> list(Namespace netns, String family) throws NetnsException {
        return netns.ip(family, "route", "show", "table", "all", "type", "local").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.contains(" table local "))
                .toList();
    }

    /** Whether {@code table} holds a local default route on {@code lo} for {@code family}. */
    static boolean hasDefault(Namespace netns, String family, String table) throws NetnsException {
        return list(netns, family).stream()
                .filter(line -> line.startsWith("local default dev lo"))
                .anyMatch(line -> table.equals(tableOf(line)));
    }

    private static String tableOf(String route) {
        String[] words = route.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("table")) {
                return words[i + 1];
            }
        }
        return "main";
    }
}

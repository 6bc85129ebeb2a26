// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code urelay netns show}: prints what decides how a namespace captures connections, one
 * section each: whether {@code lo} is up, its local routes, its policy rules and its
 * nftables ruleset. Only reads; runs on the command's thread.
 */
final class Report {

    private static final String NONE = "  (none)";

    private final Namespace netns;
    private final CommandRunner runner;
    private final Consumer<String> out;

    Report(Namespace netns, CommandRunner runner, Consumer<String> out) {
        this.netns = netns;
        this.runner = runner;
        this.out = out;
    }

    void show() throws NetnsException {
        if (!netns.exists()) {
            throw NetnsException.failed("no namespace named " + netns.name() + " (ip netns list does not show it)");
        }
        out.accept("namespace: " + netns.name());
        out.accept("lo: " + loState());
        section("IPv4 local routes:", LocalRoutes.list(netns, "-4"));
        section("IPv6 local routes:", LocalRoutes.list(netns, "-6"));
        section("IPv4 rules:", rules("-4"));
        section("IPv6 rules:", rules("-6"));
        section("nft ruleset:", ruleset());
    }

    private String loState() throws NetnsException {
        String line = netns.ip("-br", "link", "show", "lo").strip();
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        if (open < 0 || close < 0) {
            return "unknown (" + line + ")";
        }
        List<String> flags = List.of(line.substring(open + 1, close).split(","));
        return flags.contains("UP") ? "up" : "down";
    }

    private List<String> rules(String family) throws NetnsException {
        return netns.ip(family, "rule", "show").lines()
                .map(line -> line.replace('\t', ' ').strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private List<String> ruleset() throws NetnsException {
        if (runner.find("nft").isEmpty()) {
            return List.of("(nft is not installed)");
        }
        List<String> lines = new ArrayList<>();
        for (String line : netns.nft("", "list", "ruleset").lines().toList()) {
            if (!line.isBlank()) {
                lines.add(indentTabs(line));
            }
        }
        return lines;
    }

    private void section(String title, List<String> lines) {
        out.accept(title);
        if (lines.isEmpty()) {
            out.accept(NONE);
        }
        lines.forEach(line -> out.accept("  " + line));
    }

    /** nft indents with tabs; two spaces per tab keeps the nesting and reads the same everywhere. */
    private static String indentTabs(String line) {
        int tabs = 0;
        while (tabs < line.length() && line.charAt(tabs) == '\t') {
            tabs++;
        }
        return "  ".repeat(tabs) + line.substring(tabs).stripTrailing();
    }
}

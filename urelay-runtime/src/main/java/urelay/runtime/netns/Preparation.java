// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * {@code urelay netns prepare}: makes a namespace ready for one capture method, reusing
 * what is already there and reporting each step as one line.
 *
 * <ul>
 * <li>Without {@code --tproxy}: {@code lo} up and the local routes in table {@code main}
 *     ({@code local 0.0.0.0/0} and {@code local ::/0} on {@code lo}), so a listener on a port
 *     takes connections to every address on that port.
 * <li>With {@code --tproxy PORT}: {@code lo} up, the {@link TproxyRules} table, and
 *     {@code fwmark 0x1 lookup 100} rules with local default routes in table 100, so one
 *     listener takes TCP to every address and port that arrives on the other interfaces.
 * </ul>
 *
 * The two are alternatives: once a namespace has any IPv4 policy rule, the kernel no longer
 * accepts a source address that only the local routes in table {@code main} make local, so
 * its own programs' IPv4 connections fail with {@code ENETUNREACH}. Each mode refuses a
 * namespace set up for the other instead of breaking it. Runs on the command's thread.
 */
final class Preparation {

    private static final List<String> DEFAULT_RULES =
            List.of("0: from all lookup local", "32766: from all lookup main", "32767: from all lookup default");

    private final Namespace netns;
    private final Consumer<String> report;

    Preparation(Namespace netns, Consumer<String> report) {
        this.netns = netns;
        this.report = report;
    }

    /** Prepares for local routes, or for TPROXY to {@code tproxyPort} when it is given. */
    void prepare(OptionalInt tproxyPort) throws NetnsException {
        ensureNamespace();
        netns.ip("link", "set", "lo", "up");
        report.accept("lo: up");

        if (tproxyPort.isPresent()) {
            refuseLocalRoutesInMain();
            prepareTproxy(tproxyPort.getAsInt());
        } else {
            refusePolicyRules();
            ensureLocalDefault("-4", "0.0.0.0/0", "main");
            ensureLocalDefault("-6", "::/0", "main");
        }
    }

    private void ensureNamespace() throws NetnsException {
        if (netns.exists()) {
            report.accept("namespace " + netns.name() + ": present");
        } else {
            netns.create();
            report.accept("namespace " + netns.name() + ": created");
        }
    }

    private void prepareTproxy(int port) throws NetnsException {
        netns.nft(TproxyRules.replacement(port), "-f", "-");
        report.accept("nft table " + TproxyRules.TABLE + ": written (TCP arriving on any interface but lo goes to port "
                + port + ", mark " + TproxyRules.MARK + ")");
        for (String family : List.of("-4", "-6")) {
            ensureMarkRule(family);
            ensureLocalDefault(family, family.equals("-4") ? "0.0.0.0/0" : "::/0", TproxyRules.ROUTE_TABLE);
        }
    }

    private void ensureMarkRule(String family) throws NetnsException {
        String[] rule = {"fwmark", TproxyRules.MARK, "lookup", TproxyRules.ROUTE_TABLE};
        String shown = netns.ip(concat(new String[] {family, "rule", "show"}, rule));
        String text = "ip " + family + " rule " + String.join(" ", rule);
        if (shown.isBlank()) {
            netns.ip(concat(new String[] {family, "rule", "add"}, rule));
            report.accept(text + ": added");
        } else {
            report.accept(text + ": present");
        }
    }

    private void ensureLocalDefault(String family, String prefix, String table) throws NetnsException {
        String text = "ip " + family + " route local " + prefix + " dev lo table " + table;
        if (LocalRoutes.hasDefault(netns, family, table)) {
            report.accept(text + ": present");
        } else {
            netns.ip(family, "route", "add", "local", prefix, "dev", "lo", "table", table);
            report.accept(text + ": added");
        }
    }

    private void refuseLocalRoutesInMain() throws NetnsException {
        if (LocalRoutes.hasDefault(netns, "-4", "main") || LocalRoutes.hasDefault(netns, "-6", "main")) {
            throw NetnsException.failed("namespace " + netns.name() + " has local routes in table main (urelay "
                    + "netns prepare without --tproxy); TPROXY's policy rule would break its own IPv4 connections, "
                    + "so use one capture method per namespace: remove them or take a new namespace");
        }
    }

    private void refusePolicyRules() throws NetnsException {
        List<String> extra = netns.ip("-4", "rule", "show").lines()
                .map(line -> line.replace('\t', ' ').strip())
                .filter(line -> !line.isEmpty() && !DEFAULT_RULES.contains(line))
                .toList();
        if (!extra.isEmpty()) {
            throw NetnsException.failed("namespace " + netns.name() + " has IPv4 policy rules ("
                    + String.join(", ", extra)
                    + "); with any such rule the kernel refuses the local routes as a source for the namespace's own "
                    + "IPv4 connections, so take a new namespace (or use --tproxy for this one)");
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import urelay.runtime.plugin.PluginInfo;
import urelay.runtime.plugin.PluginRegistry;

/** {@code urelay plugins}: lists the providers ServiceLoader found, and those that failed to load. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the installed plugins by kind and type, with their module and summary.")
final class PluginsCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    private PluginsOption plugins = new PluginsOption();

    PluginsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<PluginRegistry> registry = plugins.load(console);
        if (registry.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        List<PluginInfo> all = registry.get().all();
        if (all.isEmpty()) {
            console.out().println("no plugins found");
        } else {
            print(all);
        }
        return registry.get().problems().isEmpty() ? ExitCodes.OK : ExitCodes.CANNOT_START;
    }

    private void print(List<PluginInfo> all) {
        int type = Math.max(4, all.stream().mapToInt(info -> info.type().length()).max().orElse(0));
        int module = Math.max(6, all.stream().mapToInt(info -> info.module().length()).max().orElse(0));
        String format = "%-8s  %-" + type + "s  %-" + module + "s  %s%n";

        console.out().printf(format, "KIND", "TYPE", "MODULE", "SUMMARY");
        for (PluginInfo info : all) {
            console.out().printf(format, info.kind().name().toLowerCase(Locale.ROOT), info.type(), info.module(),
                    info.summary());
        }
    }
}

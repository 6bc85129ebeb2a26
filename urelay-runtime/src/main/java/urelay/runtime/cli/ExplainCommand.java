// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import urelay.runtime.config.ListenerPlan;
import urelay.runtime.config.NoSocketsNetwork;
import urelay.runtime.config.RelayConfig;
import urelay.runtime.config.SinkPlan;
import urelay.runtime.engine.Plan;
import urelay.runtime.engine.Planner;
import urelay.runtime.guard.Guard;
import urelay.runtime.guard.OwnAddresses;
import urelay.spi.IpDestination;

/**
 * {@code urelay explain}: walks one imagined connection through a config's pipeline with the
 * same planner real connections use, and prints each decision and why, without opening a
 * socket. The guard judges with the addresses of the namespace explain runs in; its loop check
 * needs the sockets of a running urelay and is left out.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show which resolvers, rewriters, route, guard verdict and sinks a connection would get.")
final class ExplainCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    private ConfigOption config = new ConfigOption();

    @Option(names = "--dest", required = true, paramLabel = "ADDR:PORT",
            description = "Where the client connects: 198.51.100.7:80 or [2001:db8::7]:443.")
    private String destination;

    @Option(names = "--listener", paramLabel = "NAME", description = "The listener it arrives on; default the first.")
    private String listenerName;

    @Option(names = "--client", paramLabel = "ADDR[:PORT]",
            description = "The client's address; default 192.0.2.1 or 2001:db8::1, as the destination's family.")
    private String clientText;

    ExplainCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<InetSocketAddress> dest = SocketAddressText.parse(destination, false);
        if (dest.isEmpty()) {
            return usage("--dest \"" + destination + "\" is not ADDR:PORT; allowed 198.51.100.7:80 or [2001:db8::7]:443");
        }
        Optional<InetSocketAddress> client = client(dest.get());
        if (client.isEmpty()) {
            return usage("--client \"" + clientText + "\" is not an address; allowed 192.0.2.10 or [2001:db8::10]:40000");
        }
        Optional<RelayConfig> loaded = config.load(console, new NoSocketsNetwork());
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        Optional<ListenerPlan> listener = listener(loaded.get());
        if (listener.isEmpty()) {
            return usage("--listener \"" + listenerName + "\" is not in " + config.file() + "; listeners: "
                    + loaded.get().listeners().stream().map(ListenerPlan::name).toList());
        }
        return explain(listener.get(), new ImaginedClient(client.get(), dest.get()));
    }

    private int explain(ListenerPlan listener, ImaginedClient client) {
        Guard guard = new Guard(new OwnAddresses(), Set.of());
        Plan plan;
        try {
            plan = new Planner(listener, guard).plan(client);
        } catch (IOException | RuntimeException e) {
            console.out().println("a resolver failed: " + e.getMessage());
            return ExitCodes.OK;
        }
        var out = console.out();
        out.println("listener: " + listener.name() + " (source " + listener.sourceType() + ")");
        out.println("client: " + IpDestination.of(client.remoteAddress()).text()
                + (clientText == null ? " (default; choose with --client)" : ""));
        out.println("connects to: " + IpDestination.of(client.localAddress()).text());
        plan.steps().forEach(step -> out.println(step));
        switch (plan) {
            case Plan.Refused refused -> out.println("result: " + refused.outcome().label() + " (" + refused.detail()
                    + "); the client gets a reset");
            case Plan.Go go -> {
                List<String> sinks = go.route().sinks().stream().map(ExplainCommand::sinkText).toList();
                out.println("result: connects to " + go.target().text() + " through " + String.join(", else ", sinks));
            }
        }
        out.println("note: the guard's loop check (urelay's own listening sockets) needs a running urelay; "
                + "it is not part of this explanation");
        return ExitCodes.OK;
    }

    private static String sinkText(SinkPlan sink) {
        return sink.name() + " (" + sink.type() + ")";
    }

    private Optional<ListenerPlan> listener(RelayConfig relay) {
        if (listenerName == null) {
            return relay.listeners().stream().findFirst();
        }
        return relay.listeners().stream().filter(l -> l.name().equals(listenerName)).findFirst();
    }

    private Optional<InetSocketAddress> client(InetSocketAddress dest) {
        if (clientText == null) {
            String address = dest.getAddress() instanceof Inet4Address ? "192.0.2.1" : "2001:db8::1";
            return Optional.of(new InetSocketAddress(InetAddress.ofLiteral(address), 50000));
        }
        return SocketAddressText.parse(clientText, true);
    }

    private int usage(String problem) {
        console.err().println("urelay explain: " + problem);
        return ExitCodes.BAD_CONFIG;
    }
}

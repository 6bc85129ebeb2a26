// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import urelay.spi.IpDestination;
import urelay.spi.ListenRequest;

/**
 * Finds listening sockets that the kernel would refuse to bind because an earlier one of the
 * same config takes the same Unix socket file, or the same port in the same namespace: the same address, or a wildcard
 * address ({@code ::} takes IPv4 and IPv6, {@code 0.0.0.0} IPv4) that covers the other.
 * Namespaces are compared by the path written, so two different paths to one namespace
 * ({@code /run/netns/lab} and {@code /proc/PID/ns/net}) are not caught here. Used by one thread.
 */
final class ListenerClashes {

    private final Reading reading;
    private final List<Taken> taken = new ArrayList<>();
    private final Map<Path, String> files = new HashMap<>();

    ListenerClashes(Reading reading) {
        this.reading = reading;
    }

    /** Reports each socket of the listeners that an earlier socket already takes. */
    void check(YamlPath listenersPath, List<ListenerPlan> listeners) {
        for (int i = 0; i < listeners.size(); i++) {
            ListenerPlan listener = listeners.get(i);
            YamlPath source = listenersPath.index(i).key("source");
            for (ListenRequest request : listener.source().listenRequests()) {
                Taken wanted = new Taken(listener.name(), request);
                first(wanted).ifPresentOrElse(
                        earlier -> reading.problems().atValue(source, clash(wanted, earlier)),
                        () -> taken.add(wanted));
            }
            for (Path file : listener.source().socketFiles()) {
                Path normal = file.toAbsolutePath().normalize();
                String earlier = files.putIfAbsent(normal, listener.name());
                if (earlier != null) {
                    String who = earlier.equals(listener.name()) ? "which this listener already binds"
                            : "which listener \"" + earlier + "\" already binds";
                    reading.problems().atValue(source, "listener \"" + listener.name() + "\" would bind the socket "
                            + "file " + normal + ", " + who + "; give each listener its own path");
                }
            }
        }
    }

    private Optional<Taken> first(Taken wanted) {
        return taken.stream().filter(earlier -> earlier.clashesWith(wanted)).findFirst();
    }

    private static String clash(Taken wanted, Taken earlier) {
        String where = wanted.where();
        String who = earlier.listener().equals(wanted.listener())
                ? "which this listener already takes with " + earlier.address()
                : "which listener \"" + earlier.listener() + "\" already takes with " + earlier.address();
        return "listener \"" + wanted.listener() + "\" would listen on " + wanted.address() + " " + where + ", "
                + who + "; give each listener its own ports or addresses there";
    }

    /** One listening socket and the listener that asks for it. */
    private record Taken(String listener, ListenRequest request) {

        boolean clashesWith(Taken other) {
            return request.port() == other.request.port()
                    && namespace().equals(other.namespace())
                    && overlap(request.address(), other.request.address());
        }

        String address() {
            return new IpDestination(request.address(), request.port()).text();
        }

        String where() {
            return namespace().map(path -> "in namespace " + path).orElse("in urelay's own namespace");
        }

        private Optional<Path> namespace() {
            return request.netns().map(Path::normalize);
        }

        private static boolean overlap(InetAddress a, InetAddress b) {
            return a.equals(b) || covers(a, b) || covers(b, a);
        }

        /** Whether a socket on {@code wide} takes {@code narrow}'s port too (IPV6_V6ONLY is off for {@code ::}). */
        private static boolean covers(InetAddress wide, InetAddress narrow) {
            if (!wide.isAnyLocalAddress()) {
                return false;
            }
            return !(wide instanceof Inet4Address) || narrow instanceof Inet4Address;
        }
    }
}

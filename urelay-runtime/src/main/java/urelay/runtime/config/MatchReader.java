// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import urelay.runtime.route.Cidr;
import urelay.runtime.route.DomainSuffix;
import urelay.runtime.route.Match;
import urelay.runtime.route.PortRange;

/**
 * Reads a route's {@code match} block, and the prefix lists routes share with it. Each key
 * takes one value or a list; every value that cannot be read is reported where it stands.
 */
final class MatchReader {

    private static final List<String> KEYS = List.of("cidr", "port", "domain", "listener", "client-cidr");
    private static final String CIDR_ALLOWED = "write an address and prefix length, such as 203.0.113.0/24"
            + " or 2001:db8::/32 (0-32 for IPv4, 0-128 for IPv6)";
    private static final String PORT_ALLOWED = "allowed a port 1-65535 such as 80, or a range such as 8000-8999"
            + " whose start is not above its end";
    private static final String DOMAIN_ALLOWED = "write a domain name such as example.org, which also matches"
            + " the names below it; a leading dot is allowed";

    private final Reading reading;
    private final Set<String> listenerNames;

    /** @param listenerNames every listener name the config gives, for {@code listener} conditions */
    MatchReader(Reading reading, Set<String> listenerNames) {
        this.reading = reading;
        this.listenerNames = listenerNames;
    }

    /** The match, {@link Match#ANY} when the key is left out, or empty after reporting problems. */
    Optional<Match> read(YamlPath path, JsonNode match) {
        if (Reading.absent(match)) {
            return Optional.of(Match.ANY);
        }
        if (!reading.expectMapping(path, match, "write a match such as { cidr: [203.0.113.0/24], port: [80] }")) {
            return Optional.empty();
        }
        reading.checkKeys(path, match, KEYS);

        var cidrs = cidrs(path.key("cidr"), match.get("cidr"));
        var ports = values(path.key("port"), match.get("port"), PORT_ALLOWED, this::port);
        var domains = values(path.key("domain"), match.get("domain"), DOMAIN_ALLOWED, this::domain);
        var listeners = values(path.key("listener"), match.get("listener"), definedListeners(), this::listener);
        var clients = cidrs(path.key("client-cidr"), match.get("client-cidr"));
        if (cidrs.isEmpty() || ports.isEmpty() || domains.isEmpty() || listeners.isEmpty() || clients.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Match(cidrs.get(), ports.get(), domains.get(), listeners.get(), clients.get()));
    }

    /** A list of CIDR prefixes (or one prefix), empty when absent; empty Optional after problems. */
    Optional<List<Cidr>> cidrs(YamlPath path, JsonNode node) {
        return values(path, node, CIDR_ALLOWED, this::cidr);
    }

    private <T> Optional<List<T>> values(YamlPath path, JsonNode node, String advice,
            Function<Reading.Item, Optional<T>> one) {
        if (Reading.absent(node)) {
            return Optional.of(List.of());
        }
        List<T> values = new ArrayList<>();
        boolean complete = true;
        for (Reading.Item item : reading.scalarOrList(path, node)) {
            Optional<T> value = reading.text(item.path(), item.node(), advice).flatMap(text -> one.apply(item));
            value.ifPresent(values::add);
            complete &= value.isPresent();
        }
        return complete ? Optional.of(values) : Optional.empty();
    }

    private Optional<Cidr> cidr(Reading.Item item) {
        String text = item.node().asText();
        try {
            return Optional.of(Cidr.parse(text.strip()));
        } catch (IllegalArgumentException e) {
            reading.problems().atValue(item.path(), "\"" + text + "\" is not a CIDR prefix: " + e.getMessage()
                    + "; " + CIDR_ALLOWED);
            return Optional.empty();
        }
    }

    private Optional<PortRange> port(Reading.Item item) {
        try {
            return Optional.of(PortRange.parse(item.node().asText()));
        } catch (IllegalArgumentException e) {
            reading.problems().atValue(item.path(), e.getMessage() + "; " + PORT_ALLOWED);
            return Optional.empty();
        }
    }

    private Optional<DomainSuffix> domain(Reading.Item item) {
        String text = item.node().asText();
        try {
            return Optional.of(DomainSuffix.parse(text));
        } catch (IllegalArgumentException e) {
            reading.problems().atValue(item.path(), "\"" + text + "\" is not a domain name: " + e.getMessage()
                    + "; " + DOMAIN_ALLOWED);
            return Optional.empty();
        }
    }

    private Optional<String> listener(Reading.Item item) {
        String name = item.node().asText();
        if (listenerNames.contains(name)) {
            return Optional.of(name);
        }
        reading.problems().atValue(item.path(), "no listener named \"" + name + "\""
                + Suggestion.didYouMean(name, listenerNames) + "; " + definedListeners());
        return Optional.empty();
    }

    private String definedListeners() {
        return listenerNames.isEmpty() ? "no listener has a name yet"
                : "defined listeners: " + String.join(", ", listenerNames);
    }
}

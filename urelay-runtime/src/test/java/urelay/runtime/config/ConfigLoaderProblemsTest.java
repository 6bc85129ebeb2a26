// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urelay.runtime.plugin.PluginRegistry;

/** Each kind of bad config gives one line naming file, line, column, path, problem and what is allowed. */
class ConfigLoaderProblemsTest {

    /** The demo config of the docs; each test breaks one thing in it. */
    static final String DEMO = """
            listeners:
              - name: private
                source: { type: transparent, netns: /run/netns/urelay-demo, address: "::", ports: [80, 443, 8080] }
                resolvers: [ { type: original-destination } ]
                rewriters: []
                routes:
                  - match: { cidr: ["203.0.113.0/24"], port: ["8000-8999"] }
                    sink: out
                  - sink: out
            sinks:
              out: { type: direct, connect-timeout: 5s }
            audit: { format: json }
            """;

    /** The demo's first match, which the match tests replace. */
    private static final String MATCH = "{ cidr: [\"203.0.113.0/24\"], port: [\"8000-8999\"] }";

    @TempDir
    Path directory;

    private final ConfigFiles files = new ConfigFiles(() -> directory);

    private List<String> problems(String yaml) {
        return files.problems(yaml);
    }

    private static String demoWith(String old, String replacement) {
        if (!DEMO.contains(old)) {
            throw new IllegalArgumentException("the demo has no " + old);
        }
        return DEMO.replace(old, replacement);
    }

    @Test
    void theDemoConfigHasNoProblems() {
        files.valid(DEMO);
    }

    @Test
    void brokenYamlIsReportedAtTheParsersPlace() {
        assertEquals(List.of("demo.yaml:3:38: listeners[0].source: YAML syntax error:"
                + " expected ',' or '}', but got : (while parsing a flow mapping)"),
                problems(demoWith("{ type: transparent,", "{ type: transparent")));
    }

    @Test
    void badIndentationIsReportedAtTheParsersPlace() {
        assertEquals(List.of("demo.yaml:8:9: listeners[0].routes[0]: YAML syntax error:"
                + " expected <block end>, but found '<block mapping start>' (while parsing a block mapping)"),
                problems(demoWith("      - match:", "    - match:")));
    }

    @Test
    void unknownKeyListsTheAllowedKeys() {
        assertEquals(List.of(
                "demo.yaml:2:5: listeners[0].source: missing; write a source block with a type key;"
                        + " known source types: transparent",
                "demo.yaml:3:5: listeners[0].sorce: unknown key (did you mean \"source\"?);"
                        + " allowed keys: idle-timeout, name, resolvers, rewriters, routes, source"),
                problems(demoWith("source:", "sorce:")));
    }

    @Test
    void unknownKeyInAPluginBlockListsTheRecordsKeysAndType() {
        assertEquals(List.of("demo.yaml:11:24: sinks.out.connect-timeot: unknown key"
                + " (did you mean \"connect-timeout\"?); allowed keys: bind, connect-timeout, type"),
                problems(demoWith("connect-timeout: 5s", "connect-timeot: 5s")));
    }

    @Test
    void misspeltKeyIsNamedEvenWhenTheKeyItMissesIsRequired() {
        assertEquals(List.of("demo.yaml:3:80: listeners[0].source.prots: unknown key (did you mean \"ports\"?);"
                + " allowed keys: address, netns, ports, type"),
                problems(demoWith("ports: [80, 443, 8080]", "prots: [80, 443, 8080]")));
    }

    @Test
    void unknownTopLevelKeyListsTheSections() {
        assertEquals(List.of("demo.yaml:13:1: audits: unknown key (did you mean \"audit\"?);"
                + " allowed keys: audit, listeners, log, sinks"),
                problems(DEMO + "audits: { format: plain }\n"));
    }

    @Test
    void unknownTypeListsTheTypesOfThatRole() {
        assertEquals(List.of("demo.yaml:11:16: sinks.out.type: unknown sink type \"socks\";"
                + " known sink types: direct, reject"),
                problems(demoWith("type: direct", "type: socks")));
    }

    @Test
    void misspeltTypeGetsASuggestion() {
        assertEquals(List.of("demo.yaml:11:16: sinks.out.type: unknown sink type \"drect\""
                + " (did you mean \"direct\"?); known sink types: direct, reject"),
                problems(demoWith("type: direct", "type: drect")));
    }

    @Test
    void unknownResolverTypeListsResolverTypes() {
        assertEquals(List.of("demo.yaml:4:26: listeners[0].resolvers[0].type: unknown resolver type \"sni\";"
                + " known resolver types: original-destination"),
                problems(demoWith("type: original-destination", "type: sni")));
    }

    @Test
    void missingTypeListsTheTypesOfThatRole() {
        assertEquals(List.of("demo.yaml:11:8: sinks.out: missing key \"type\"; known sink types: direct, reject"),
                problems(demoWith("{ type: direct, ", "{ ")));
    }

    @Test
    void portOutsideTheRangeIsPlacedAtTheListItem() {
        assertEquals(List.of("demo.yaml:3:92: listeners[0].source.ports[1]: 70000 is not a port; allowed 1-65535"),
                problems(demoWith("80, 443", "80, 70000")));
    }

    @Test
    void portWithAFractionIsRefused() {
        assertEquals(List.of("demo.yaml:3:88: listeners[0].source.ports[0]: 80.9 is not a whole number"),
                problems(demoWith("[80, 443", "[80.9, 443")));
    }

    @Test
    void portWrittenAsTextIsRefused() {
        assertEquals(List.of("demo.yaml:3:88: listeners[0].source.ports[0]: expected a whole number, found text"
                + " \"81\""),
                problems(demoWith("[80, 443", "[\"81\", 443")));
    }

    @Test
    void portTooLargeForAnyNumberIsRefusedInOurWords() {
        assertEquals(List.of("demo.yaml:3:88: listeners[0].source.ports[0]: out of range; expected a whole number"
                + " from -2147483648 to 2147483647"), problems(demoWith("[80, 443", "[99999999999999999999, 443")));
    }

    @Test
    void portZeroIsRefused() {
        assertEquals(List.of("demo.yaml:3:88: listeners[0].source.ports[0]: 0 is not a port; allowed 1-65535"),
                problems(demoWith("[80, 443", "[0, 443")));
    }

    @Test
    void routePortOutsideTheRangeIsRefused() {
        assertEquals(List.of("demo.yaml:7:51: listeners[0].routes[0].match.port[0]: 70000 is not a port;"
                + " allowed a port 1-65535 such as 80, or a range such as 8000-8999 whose start is not above its end"),
                problems(demoWith("[\"8000-8999\"]", "[70000]")));
    }

    @Test
    void badDurationSaysHowToWriteOne() {
        assertEquals(List.of("demo.yaml:11:41: sinks.out.connect-timeout: \"5x\" is not a duration;"
                + " write a whole number and a unit (ms, s, m or h), such as 500ms, 5s, 2m or 1h"),
                problems(demoWith("connect-timeout: 5s", "connect-timeout: 5x")));
    }

    @Test
    void badIdleTimeoutSaysHowToWriteOneAndHowToTurnItOff() {
        assertEquals(List.of("demo.yaml:5:19: listeners[0].idle-timeout: \"soon\" is not a duration;"
                + " write a whole number and a unit (ms, s, m or h), such as 500ms, 5s, 2m or 1h;"
                + " 0s turns the timeout off"),
                problems(demoWith("    rewriters: []", "    idle-timeout: soon")));
    }

    @Test
    void routeNamingAMissingSinkListsTheDefinedSinks() {
        assertEquals(List.of("demo.yaml:9:15: listeners[0].routes[1].sink: no sink named \"ouy\""
                + " (did you mean \"out\"?); defined sinks: out"),
                problems(demoWith("  - sink: out", "  - sink: ouy")));
    }

    @Test
    void routeSinkListNamingAMissingSinkPointsAtTheItem() {
        assertEquals(List.of("demo.yaml:9:21: listeners[0].routes[1].sink[1]: no sink named \"lab\";"
                + " defined sinks: out"),
                problems(demoWith("  - sink: out", "  - sink: [out, lab]")));
    }

    @Test
    void duplicateListenerNamesAreRefused() {
        String second = """
                  - name: private
                    source: { type: transparent, ports: [81] }
                    routes: [ { sink: out } ]
                """;
        assertEquals(List.of("demo.yaml:10:11: listeners[1].name: listener name \"private\" is already used by"
                + " listeners[0]; give each listener its own name"),
                problems(demoWith("sinks:\n", second + "sinks:\n")));
    }

    @Test
    void emptyListenersAreRefused() {
        assertEquals(List.of("demo.yaml:1:12: listeners: no listeners;"
                + " define at least one listener with a name, a source and routes"),
                problems("listeners: []\nsinks: { out: { type: reject } }\n"));
    }

    @Test
    void missingListenersAreRefused() {
        assertEquals(List.of("demo.yaml:1:1: listeners: missing;"
                + " define at least one listener with a name, a source and routes"),
                problems("sinks: { out: { type: reject } }\n"));
    }

    @Test
    void badCidrSaysWhatIsWrongAndHowToWriteOne() {
        assertEquals(List.of("demo.yaml:7:25: listeners[0].routes[0].match.cidr[0]: \"203.0.113.0/33\" is not a"
                + " CIDR prefix: prefix length 33 is outside 0-32; write an address and prefix length, such as"
                + " 203.0.113.0/24 or 2001:db8::/32 (0-32 for IPv4, 0-128 for IPv6)"),
                problems(demoWith("203.0.113.0/24", "203.0.113.0/33")));
    }

    @Test
    void cidrWithHostBitsSuggestsThePrefix() {
        assertEquals(List.of("demo.yaml:7:25: listeners[0].routes[0].match.cidr[0]: \"203.0.113.9/24\" is not a"
                + " CIDR prefix: host bits are set; the prefix is 203.0.113.0/24; write an address and prefix"
                + " length, such as 203.0.113.0/24 or 2001:db8::/32 (0-32 for IPv4, 0-128 for IPv6)"),
                problems(demoWith("203.0.113.0/24", "203.0.113.9/24")));
    }

    @Test
    void reversedPortRangeIsRefused() {
        assertEquals(List.of("demo.yaml:7:51: listeners[0].routes[0].match.port[0]: range 9000-8000 ends before"
                + " it starts; allowed a port 1-65535 such as 80, or a range such as 8000-8999 whose start is not"
                + " above its end"),
                problems(demoWith("8000-8999", "9000-8000")));
    }

    @Test
    void portRangeThatIsNotNumbersIsRefused() {
        assertEquals(List.of("demo.yaml:7:51: listeners[0].routes[0].match.port[0]: \"http\" is not a port number;"
                + " allowed a port 1-65535 such as 80, or a range such as 8000-8999 whose start is not above its end"),
                problems(demoWith("8000-8999", "http")));
    }

    @Test
    void matchNamingAnUnknownListenerListsTheListeners() {
        assertEquals(List.of("demo.yaml:7:28: listeners[0].routes[0].match.listener: no listener named \"privat\""
                + " (did you mean \"private\"?); defined listeners: private"),
                problems(demoWith(MATCH, "{ listener: privat }")));
    }

    @Test
    void badClientCidrSaysWhatIsWrongAndHowToWriteOne() {
        assertEquals(List.of("demo.yaml:7:39: listeners[0].routes[0].match.client-cidr[1]: \"192.0.2.1/24\" is not"
                + " a CIDR prefix: host bits are set; the prefix is 192.0.2.0/24; write an address and prefix length,"
                + " such as 203.0.113.0/24 or 2001:db8::/32 (0-32 for IPv4, 0-128 for IPv6)"),
                problems(demoWith(MATCH, "{ client-cidr: [\"::1\", 192.0.2.1/24] }")));
    }

    @Test
    void addressGivenAsADomainPointsToCidr() {
        assertEquals(List.of("demo.yaml:7:27: listeners[0].routes[0].match.domain[0]: \"192.0.2.1\" is not a domain"
                + " name: it looks like an IP address; match addresses with cidr; write a domain name such as"
                + " example.org, which also matches the names below it; a leading dot is allowed"),
                problems(demoWith(MATCH, "{ domain: [192.0.2.1] }")));
    }

    @Test
    void unknownMatchKeyListsTheConditions() {
        assertEquals(List.of("demo.yaml:7:18: listeners[0].routes[0].match.domains: unknown key"
                + " (did you mean \"domain\"?); allowed keys: cidr, client-cidr, domain, listener, port"),
                problems(demoWith(MATCH, "{ domains: [example.org] }")));
    }

    @Test
    void routeRewriterRefusalIsPlacedAtTheKeyItNames() {
        assertEquals(List.of("demo.yaml:10:54: listeners[0].routes[1].rewriters[0].to: equals from;"
                + " a port map must change the port"),
                problems(demoWith("  - sink: out", "  - sink: out\n        rewriters: [ { type: port-map, from: 80,"
                        + " to: 80 } ]")));
    }

    @Test
    void routeRewritersMustBeAList() {
        assertEquals(List.of("demo.yaml:10:20: listeners[0].routes[1].rewriters: expected a list of plugin blocks,"
                + " found a mapping; write a list such as [ { type: NAME } ]"),
                problems(demoWith("  - sink: out", "  - sink: out\n        rewriters: { type: port-map }")));
    }

    @Test
    void routeBindNeedsSinksThatTakeIt() {
        assertEquals(List.of("demo.yaml:9:16: listeners[0].routes[1].sink[0]: sink \"refuse\" (type reject) does not"
                + " take a route's bind; remove bind from this route or name only sinks that take it;"
                + " sinks that take it: out"),
                problems(demoWith("  - sink: out", "  - sink: [refuse, out]\n        bind: { fwmark: 1 }")
                        .replace("sinks:\n", "sinks:\n  refuse: { type: reject }\n")));
    }

    @Test
    void unknownRouteBindKeyListsTheBindKeys() {
        assertEquals(List.of("demo.yaml:10:17: listeners[0].routes[1].bind.device: unknown key;"
                + " allowed keys: address, freebind, fwmark, interface, transparent"),
                problems(demoWith("  - sink: out", "  - sink: out\n        bind: { device: eth1 }")));
    }

    @Test
    void unknownBindKeyInsideAPluginBlockIsPlacedInThatBlock() {
        assertEquals(List.of("demo.yaml:11:53: sinks.out.bind.fw-mark: unknown key (did you mean \"fwmark\"?);"
                + " allowed keys: address, freebind, fwmark, interface, transparent"),
                problems(demoWith("connect-timeout: 5s }", "connect-timeout: 5s, bind: { fw-mark: 1 } }")));
    }

    @Test
    void badFwmarkSaysHowToWriteOne() {
        assertEquals(List.of("demo.yaml:10:25: listeners[0].routes[1].bind.fwmark: \"0xZZ\" is not a mark;"
                + " allowed 0 to 4294967295, in decimal or as 0x-hex such as 0x10"),
                problems(demoWith("  - sink: out", "  - sink: out\n        bind: { fwmark: 0xZZ }")));
    }

    @Test
    void bindAddressWithTransparentClientIsRefusedAtTheAddress() {
        assertEquals(List.of("demo.yaml:10:26: listeners[0].routes[1].bind.address: cannot be set with"
                + " transparent: client, which binds the client's own address"),
                problems(demoWith("  - sink: out", "  - sink: out\n        bind: { address: 192.0.2.1,"
                        + " transparent: client }")));
    }

    @Test
    void bindThatIsNotAMappingSaysHowToWriteOne() {
        assertEquals(List.of("demo.yaml:10:15: listeners[0].routes[1].bind: expected a mapping, found text \"eth1\";"
                + " write a mapping such as { address: 192.0.2.1, interface: eth1 }"),
                problems(demoWith("  - sink: out", "  - sink: out\n        bind: eth1")));
    }

    @Test
    void freebindMustBeTrueOrFalse() {
        assertEquals(List.of("demo.yaml:10:27: listeners[0].routes[1].bind.freebind: 1 is not true or false;"
                + " allowed true or false"),
                problems(demoWith("  - sink: out", "  - sink: out\n        bind: { freebind: 1 }")));
    }

    @Test
    void singlePortInsteadOfAListIsPlacedAtTheKeyNotAtAnItemTheFileDoesNotHave() {
        assertEquals(List.of("demo.yaml:3:87: listeners[0].source.ports: 0 is not a port; allowed 1-65535"),
                problems(demoWith("ports: [80, 443, 8080]", "ports: 0")));
    }

    @Test
    void badAllowedRangeSaysHowToWriteOne() {
        assertEquals(List.of("demo.yaml:10:28: listeners[0].routes[1].allow[1]: \"10.0.0.1/8\" is not a CIDR prefix:"
                + " host bits are set; the prefix is 10.0.0.0/8; write an address and prefix length, such as"
                + " 203.0.113.0/24 or 2001:db8::/32 (0-32 for IPv4, 0-128 for IPv6)"),
                problems(demoWith("  - sink: out", "  - sink: out\n        allow: [127.0.0.1, 10.0.0.1/8]")));
    }

    @Test
    void unknownRouteKeyListsTheRouteKeys() {
        assertEquals(List.of("demo.yaml:10:9: listeners[0].routes[1].allowed: unknown key (did you mean \"allow\"?);"
                + " allowed keys: allow, bind, match, rewriters, sink"),
                problems(demoWith("  - sink: out", "  - sink: out\n        allowed: [127.0.0.1]")));
    }

    @Test
    void missingFileIsOneLine() {
        Path missing = directory.resolve("nowhere.yaml");
        ConfigLoader loader = new ConfigLoader(PluginRegistry.load(getClass().getClassLoader()),
                ConfigFiles.NO_NETWORK);

        assertEquals(new ConfigResult.Invalid(List.of(missing + ":1:1: (document): no such file;"
                + " give the path of a readable YAML config file")), loader.load(missing));
    }

    @Test
    void emptyFileIsOneLine() {
        assertEquals(List.of("demo.yaml:1:1: (document): the file is empty;"
                + " expected a mapping with the keys listeners and sinks"), problems(""));
    }

    @Test
    void keyGivenTwiceIsRefused() {
        assertEquals(List.of("demo.yaml:12:3: sinks.out: key given twice in one mapping (first on line 11);"
                + " keep one of them"),
                problems(demoWith("sinks:\n", "sinks:\n  out: { type: reject }\n")));
    }

    @Test
    void yamlAliasIsRefusedRatherThanReadAsText() {
        assertEquals(List.of("demo.yaml:12:10: sinks.spare: YAML aliases such as *base are not supported;"
                + " write the value out in full"),
                problems(demoWith("  out: {", "  out: &base {").replace("audit:", "  spare: *base\naudit:")));
    }

    @Test
    void secondYamlDocumentIsRefused() {
        assertEquals(List.of("demo.yaml:14:1: (document): a second YAML document starts here;"
                + " put the whole config in one document"), problems(DEMO + "---\nfoo: 1\n"));
    }

    @Test
    void addressMustBeALiteralSoNothingIsLookedUp() {
        assertEquals(List.of("demo.yaml:3:74: listeners[0].source.address: \"localhost\" is not an IP address;"
                + " write an address literal such as 192.0.2.1 or 2001:db8::1 (names are not looked up)"),
                problems(demoWith("\"::\"", "localhost")));
    }

    @Test
    void pluginRefusalFromCreateIsPlacedAtTheKeyItNames() {
        assertEquals(List.of("demo.yaml:5:50: listeners[0].rewriters[0].to: equals from;"
                + " a port map must change the port"),
                problems(demoWith("rewriters: []", "rewriters: [ { type: port-map, from: 80, to: 80 } ]")));
    }

    @Test
    void wrongKindOfValueSaysWhatWasExpected() {
        assertEquals(List.of("demo.yaml:5:42: listeners[0].rewriters[0].from: expected a whole number, found"
                + " text \"abc\"",
                "demo.yaml:6:13: listeners[0].routes: expected a list of routes, found a mapping;"
                        + " add at least one route, such as - sink: NAME"),
                problems(demoWith("rewriters: []", "rewriters: [ { type: port-map, from: abc, to: 80 } ]")
                        .replace("    routes:\n", "    routes: {}\n    x-routes:\n")).subList(0, 2));
    }

    @Test
    void listWhereANumberBelongsSaysWhatWasFound() {
        assertEquals(List.of("demo.yaml:5:42: listeners[0].rewriters[0].from: expected a whole number, found a list"),
                problems(demoWith("rewriters: []", "rewriters: [ { type: port-map, from: [1], to: 80 } ]")));
    }

    @Test
    void unknownLogLevelListsTheLevels() {
        assertEquals(List.of("demo.yaml:13:15: log.level: unknown log level \"loud\";"
                + " allowed: error, warning, info, debug, trace"), problems(DEMO + "log: { level: loud }\n"));
    }

    @Test
    void unknownAuditFormatListsTheFormats() {
        assertEquals(List.of("demo.yaml:12:18: audit.format: unknown audit format \"xml\"; allowed: plain, json"),
                problems(demoWith("format: json", "format: xml")));
    }

    @Test
    void emptyResolverListIsRefusedWithTheDefaultNamed() {
        assertEquals(List.of("demo.yaml:4:16: listeners[0].resolvers: empty; list at least one resolver,"
                + " or leave the key out to use original-destination"),
                problems(demoWith("[ { type: original-destination } ]", "[]")));
    }

    @Test
    void invalidSinkNameIsRefusedAtTheKey() {
        assertEquals(List.of("demo.yaml:11:3: sinks.o ut: \"o ut\" is not a valid name; use 1 to 64 letters,"
                + " digits, '.', '_' or '-', starting with a letter or digit",
                "demo.yaml:8:15: listeners[0].routes[0].sink: no sink named \"out\" (did you mean \"o ut\"?);"
                        + " defined sinks: o ut",
                "demo.yaml:9:15: listeners[0].routes[1].sink: no sink named \"out\" (did you mean \"o ut\"?);"
                        + " defined sinks: o ut").stream()
                .sorted(ConfigLoaderProblemsTest::byPlace).toList(),
                problems(demoWith("  out: {", "  o ut: {")));
    }

    @Test
    void everyProblemIsReportedInFileOrder() {
        List<String> found = problems(demoWith("80, 443", "80, 70000").replace("type: direct", "type: socks")
                .replace("format: json", "format: xml"));

        assertEquals(3, found.size());
        assertEquals(List.of(3, 11, 12), found.stream().map(line -> Integer.parseInt(line.split(":")[1])).toList());
    }

    private static int byPlace(String a, String b) {
        String[] left = a.split(":");
        String[] right = b.split(":");
        int line = Integer.compare(Integer.parseInt(left[1]), Integer.parseInt(right[1]));
        return line != 0 ? line : Integer.compare(Integer.parseInt(left[2]), Integer.parseInt(right[2]));
    }
}

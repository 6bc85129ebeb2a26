// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urelay.plugin.testkit.DirectSinkProvider;
import urelay.spi.SinkProvider;

class PluginRegistryTest {

    private static final String DIRECT = "urelay.plugin.testkit.DirectSinkProvider";

    @TempDir
    Path services;

    private PluginRegistry registry(List<String> sinkProviders) {
        return PluginRegistry.load(new ServiceFilesLoader(services,
                Map.of(SinkProvider.class.getName(), sinkProviders)));
    }

    @Test
    void indexesTheClassPathProvidersByRoleAndType() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

        assertEquals(List.of(), registry.problems());
        assertEquals(List.of("direct", "reject"), registry.types(Kind.SINK));
        assertEquals(List.of("transparent"), registry.types(Kind.SOURCE));
        assertEquals(List.of("original-destination"), registry.types(Kind.RESOLVER));
        assertEquals(List.of("port-map"), registry.types(Kind.REWRITER));
        assertInstanceOf(DirectSinkProvider.class,
                assertInstanceOf(Lookup.Found.class, registry.sink("direct")).provider());
    }

    @Test
    void listsEveryProviderByKindThenType() {
        List<PluginInfo> all = PluginRegistry.load(getClass().getClassLoader()).all();

        assertEquals(List.of("SOURCE transparent", "RESOLVER original-destination", "REWRITER port-map",
                "SINK direct", "SINK reject"), all.stream().map(info -> info.kind() + " " + info.type()).toList());
        assertEquals(new PluginInfo(Kind.SINK, "direct", "(class path)",
                "Test sink standing in for direct connections."), all.get(3));
    }

    @Test
    void unknownTypeListsTheKnownTypesOfThatRole() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

        assertEquals(new Lookup.Unknown<>(List.of("direct", "reject")), registry.sink("socks"));
    }

    @Test
    void typeClaimedTwiceIsAProblemNamingBothProviders() {
        PluginRegistry registry = registry(List.of(DIRECT, "urelay.plugin.testkit.SecondDirectSinkProvider"));

        assertEquals(List.of("sink type \"direct\" is provided more than once:"
                + " by urelay.plugin.testkit.DirectSinkProvider in the class path"
                + " and by urelay.plugin.testkit.SecondDirectSinkProvider in the class path;"
                + " keep only one of these plugins"), registry.problems());
        assertEquals(new Lookup.Duplicate<>(List.of(
                "urelay.plugin.testkit.DirectSinkProvider in the class path",
                "urelay.plugin.testkit.SecondDirectSinkProvider in the class path")), registry.sink("direct"));
    }

    @Test
    void providerThatFailsToInstantiateIsReportedByNameWithTheReason() {
        PluginRegistry registry = registry(List.of("urelay.plugin.testkit.BrokenSinkProvider", DIRECT));

        assertEquals(List.of("cannot load sink provider urelay.plugin.testkit.BrokenSinkProvider"
                + " in the class path: IllegalStateException: licence file missing"), registry.problems());
        assertEquals(List.of("direct"), registry.types(Kind.SINK));
    }

    @Test
    void missingProviderClassIsReportedAndTheRestStillLoad() {
        PluginRegistry registry = registry(List.of("urelay.plugin.testkit.NoSuchProvider", DIRECT));

        assertEquals(1, registry.problems().size());
        assertEquals(true, registry.problems().getFirst().startsWith("cannot load a sink provider: "),
                registry.problems().getFirst());
        assertEquals(List.of("direct"), registry.types(Kind.SINK));
    }

    @Test
    void bootLayerLoadingWorksWithoutPluginModules() {
        PluginRegistry registry = PluginRegistry.load(ModuleLayer.boot());

        assertEquals(List.of(), registry.all());
        assertEquals(List.of(), registry.problems());
    }
}

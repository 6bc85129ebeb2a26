// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import urelay.spi.RewriterProvider;

class IpRewriterProviderTest {

    @Test
    void isSelectedByTypeIpRewriteAndBindsIpRewriteConfig() {
        IpRewriterProvider provider = new IpRewriterProvider();
        assertEquals("ip-rewrite", provider.type());
        assertEquals(IpRewriteConfig.class, provider.configType());
        assertTrue(provider.configType().isRecord());
    }

    /** Loads the built module and the SPI module into a fresh layer, as the runtime's module path would. */
    @Test
    void isFoundByServiceLoaderInModuleMode() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(IpRewriterProvider.class), location(RewriterProvider.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("urelay.plugin.iprewrite"));
        ModuleLayer layer = ModuleLayer.boot()
                .defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        Class<?> service = layer.findLoader("urelay.spi").loadClass(RewriterProvider.class.getName());

        List<?> providers = ServiceLoader.load(layer, service).stream().map(ServiceLoader.Provider::get).toList();

        assertEquals(1, providers.size());
        Object provider = providers.getFirst();
        assertEquals("urelay.plugin.iprewrite", provider.getClass().getModule().getName());
        assertEquals("ip-rewrite", service.getMethod("type").invoke(provider));
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}

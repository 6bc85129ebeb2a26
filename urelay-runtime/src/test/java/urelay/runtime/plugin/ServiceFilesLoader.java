// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * A class loader whose {@code META-INF/services} files are the ones a test writes, while
 * classes still come from the test class path: lets a test register exactly the providers
 * it needs, broken ones included.
 */
final class ServiceFilesLoader extends ClassLoader {

    private static final String SERVICES = "META-INF/services/";

    private final Path directory;

    /**
     * @param directory a fresh directory for the service files
     * @param services  service interface name to provider class names
     */
    ServiceFilesLoader(Path directory, Map<String, List<String>> services) {
        super(ServiceFilesLoader.class.getClassLoader());
        this.directory = directory;
        services.forEach(this::write);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICES)) {
            return super.getResources(name);
        }
        Path file = directory.resolve(name.substring(SERVICES.length()));
        List<URL> found = new ArrayList<>();
        if (Files.exists(file)) {
            found.add(file.toUri().toURL());
        }
        return Collections.enumeration(found);
    }

    private void write(String service, List<String> providers) {
        try {
            Files.writeString(directory.resolve(service), String.join("\n", providers) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Unix-domain stream socket, named by its path in the file system.
 *
 * @param path the socket's path
 */
public record UnixDestination(Path path) implements Destination {

    public UnixDestination {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String text() {
        return "unix:" + path;
    }

    @Override
    public String toString() {
        return text();
    }
}

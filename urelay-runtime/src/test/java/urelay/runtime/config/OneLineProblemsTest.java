// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names and keys holding line breaks or control characters come out escaped: one problem, one line. */
class OneLineProblemsTest {

    @TempDir
    Path directory;

    private final ConfigFiles files = new ConfigFiles(() -> directory);

    @Test
    void listenerNameWithANewlineIsEscaped() {
        String yaml = ConfigLoaderProblemsTest.DEMO.replace("name: private", "name: \"pri\\nvate\\u0007\"");

        assertEquals(List.of("demo.yaml:2:11: listeners[0].name: \"pri\\nvate\\u0007\" is not a valid name; use 1 to"
                + " 64 letters, digits, '.', '_' or '-', starting with a letter or digit"), files.problems(yaml));
    }

    @Test
    void sinkNameAndUnknownKeyWithLineBreaksAreEscaped() {
        String yaml = ConfigLoaderProblemsTest.DEMO.replace("out: { type: direct, connect-timeout: 5s }",
                "out: { type: direct, connect-timeout: 5s }\n  \"a\\rb\\u2028c\": { type: direct }");

        assertEquals(List.of("demo.yaml:12:3: sinks.a\\rb\\u2028c: \"a\\rb\\u2028c\" is not a valid name; use 1 to 64"
                + " letters, digits, '.', '_' or '-', starting with a letter or digit"), files.problems(yaml));
    }
}

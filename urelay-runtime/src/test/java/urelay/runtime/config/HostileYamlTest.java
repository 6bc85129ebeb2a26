// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file built to make the reader work hard gets one problem line, at a bounded cost. */
class HostileYamlTest {

    @TempDir
    Path directory;

    private final ConfigFiles files = new ConfigFiles(() -> directory);

    @Test
    void listsNestedDeeperThanTheLimitAreOneProblemNamingTheLimit() {
        int depth = 200_000;
        List<String> problems = files.problems("[".repeat(depth) + "]".repeat(depth));

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.getFirst().startsWith("demo.yaml:1:65: " + "[0]".repeat(YamlReader.MAX_DEPTH - 1) + ": "),
                problems.getFirst());
        assertTrue(problems.getFirst().endsWith(": lists and mappings nest deeper than 64 levels;"
                + " a config may nest at most 64 levels"), problems.getFirst());
    }

    @Test
    void mappingsNestedDeeperThanTheLimitAreOneProblem() {
        int depth = 100_000;
        List<String> problems = files.problems("a: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth));

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.getFirst().endsWith(": lists and mappings nest deeper than 64 levels;"
                + " a config may nest at most 64 levels"), problems.getFirst());
    }

    @Test
    void nestingUpToTheLimitIsReadAndJudgedAsAConfig() {
        int depth = YamlReader.MAX_DEPTH;
        List<String> problems = files.problems("[".repeat(depth) + "]".repeat(depth));

        assertEquals(List.of("demo.yaml:1:1: (document): expected a mapping, found a list;"
                + " write a mapping with the keys listeners and sinks"), problems);
    }

    @Test
    void manyValuesAtTheDeepestLevelAreRead() {
        int depth = YamlReader.MAX_DEPTH - 1;
        String wide = "1, ".repeat(ConfigLoader.MAX_BYTES / 3 - 2 * depth) + "1";
        List<String> problems = files.problems("[".repeat(depth) + wide + "]".repeat(depth));

        assertEquals(List.of("demo.yaml:1:1: (document): expected a mapping, found a list;"
                + " write a mapping with the keys listeners and sinks"), problems);
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

class YamlPathTest {

    @Test
    void printsKeysWithDotsAndIndexesInBrackets() {
        assertEquals("listeners[0].source.ports[1]",
                YamlPath.ROOT.key("listeners").index(0).key("source").key("ports").index(1).toString());
    }

    @Test
    void rootPrintsAsTheDocument() {
        assertEquals("(document)", YamlPath.ROOT.toString());
    }

    @Test
    void pointerEscapesSlashAndTilde() {
        assertEquals("/sinks/a~1b~0c/0", YamlPath.ROOT.key("sinks").key("a/b~c").index(0).pointer());
    }

    @Test
    void childKeepsItsParentRatherThanCopyingIt() {
        YamlPath parent = YamlPath.ROOT.key("listeners").index(0);

        assertSame(parent, parent.key("source").parent());
    }

    @Test
    void pathsWithTheSameSegmentsAreEqualHoweverTheyWereMade() {
        YamlPath made = YamlPath.ROOT.key("sinks").key("out").index(2);
        YamlPath parsed = YamlPath.of(List.of("sinks", "out", 2));

        assertEquals(made, parsed);
        assertEquals(made.hashCode(), parsed.hashCode());
        assertEquals(made, YamlPath.ROOT.key("sinks").resolve(YamlPath.of(List.of("out", 2))));
    }

    @Test
    void keyThatLooksLikeAnIndexIsNotThatIndex() {
        assertNotEquals(YamlPath.ROOT.key("0"), YamlPath.ROOT.index(0));
    }
}

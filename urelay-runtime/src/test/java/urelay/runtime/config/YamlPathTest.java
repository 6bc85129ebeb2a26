// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningLimitTest {

    private long now = 5_000_000_000L;
    private final List<String> logged = new ArrayList<>();
    private final WarningLimit limit = new WarningLimit(() -> now, logged::add);

    @Test
    void letsTheFirstWarningThroughAndHoldsBackTheRestOfThatSecond() {
        limit.warn("one");
        now += 400_000_000L;
        limit.warn("two");
        limit.warn("three");

        assertEquals(List.of("one"), logged);
    }

    @Test
    void countsTheWarningsHeldBackOnTheNextOneLetThrough() {
        limit.warn("one");
        limit.warn("two");
        limit.warn("three");
        now += 1_000_000_000L;

        limit.warn("four");
        now += 1_000_000_000L;
        limit.warn("five");

        assertEquals(List.of("one", "four unlogged_before=2", "five"), logged);
    }
}

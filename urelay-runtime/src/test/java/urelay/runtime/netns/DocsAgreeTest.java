// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capture pages in {@code docs/} quote what {@code urelay netns prepare} runs; the
 * end-to-end tests run those quotes, so these checks tie the command to the same text.
 */
class DocsAgreeTest {

    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void theTproxyPageShowsTheTableThatPrepareWrites() throws IOException {
        String block = block("capture-tproxy.md", "tproxy-nft");

        assertTrue(block.contains("nft -f - <<'EOF'\n" + TproxyRules.table(15001) + "EOF\n"), block);
    }

    @Test
    void theTproxyPageShowsThePolicyRoutingThatPrepareAdds() throws IOException, NetnsException {
        ScriptedRunner runner = new ScriptedRunner().answer("ip netns list", "gateway\n");
        new NetnsTool(runner, command -> { }).prepare("gateway", "15001", line -> { });

        List<String> added = runner.ran().stream().filter(line -> line.contains(" add "))
                .map(line -> line.replace("ip -n gateway ", "ip ")).toList();
        List<String> documented = block("capture-tproxy.md", "tproxy-nft").lines()
                .filter(line -> line.startsWith("ip ")).toList();
        assertEquals(documented, added);
    }

    @Test
    void theLocalRoutesPageShowsTheCommandsThatPrepareRuns() throws IOException, NetnsException {
        ScriptedRunner runner = new ScriptedRunner().answer("ip -n lab -4 rule show", "");
        new NetnsTool(runner, command -> { }).prepare("lab", null, line -> { });

        List<String> changes = new ArrayList<>(runner.ran().stream()
                .filter(line -> line.contains(" add ") || line.endsWith(" up")).toList());
        assertEquals(block("capture-local-routes.md", "local-routes").lines().toList(), changes);
    }

    private static String block(String page, String id) throws IOException {
        List<String> lines = Files.readAllLines(DOCS.resolve(page));
        int at = lines.indexOf("<!-- snippet: " + id + " -->");
        assertTrue(at >= 0, "docs/" + page + " has no snippet " + id);
        StringBuilder text = new StringBuilder();
        for (int i = at + 2; !lines.get(i).equals("```"); i++) {
            text.append(lines.get(i)).append('\n');
        }
        return text.toString();
    }
}

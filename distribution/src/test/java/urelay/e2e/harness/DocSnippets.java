// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The setup blocks of the pages in {@code docs/}, which the end-to-end tests run as they
 * stand, so a page and its test cannot drift apart. A block is the fenced code block right
 * after a {@code <!-- snippet: ID -->} line; the directory comes from the system property
 * {@code urelay.docs}, set by the failsafe configuration.
 */
public final class DocSnippets {

    private static final String MARK = "<!-- snippet: ";

    private DocSnippets() {
    }

    /** The text of block {@code id} on page {@code page} (such as {@code capture-tproxy.md}). */
    public static String get(String page, String id) {
        List<String> lines = read(page);
        int at = lines.indexOf(MARK + id + " -->");
        if (at < 0 || at + 1 >= lines.size() || !lines.get(at + 1).startsWith("```")) {
            throw new IllegalStateException("docs/" + page + " has no fenced block after " + MARK + id + " -->");
        }

        StringBuilder text = new StringBuilder();
        for (int i = at + 2; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return text.toString();
            }
            text.append(lines.get(i)).append('\n');
        }
        throw new IllegalStateException("docs/" + page + ": block " + id + " is not closed");
    }

    /**
     * Runs shell block {@code id} of {@code page} with {@code sh -eu} inside {@code netns},
     * for at most 30 seconds, and throws unless every command in it succeeds.
     */
    public static Command.Result runInside(Netns netns, String page, String id) {
        return netns.exec("sh", "-eu", "-c", get(page, id)).orThrow();
    }

    private static List<String> read(String page) {
        String docs = System.getProperty("urelay.docs");
        if (docs == null) {
            throw new IllegalStateException("system property urelay.docs is not set; run the tests through Maven");
        }
        try {
            return Files.readAllLines(Path.of(docs, page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

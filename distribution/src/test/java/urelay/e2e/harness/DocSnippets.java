// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * Block {@code id} of {@code page} with every whole word {@code word} (a namespace name
     * such as {@code lab}) replaced by {@code name}, the namespace a test made.
     */
    public static String get(String page, String id, String word, String name) {
        return get(page, id).replaceAll("\\b" + Pattern.quote(word) + "\\b", Matcher.quoteReplacement(name));
    }

    /**
     * The output lines of block {@code id}, which starts with the command as typed after
     * {@code $ }; {@code word} is replaced by {@code name} as in {@link #get(String, String, String, String)}.
     */
    public static List<String> output(String page, String id, String word, String name) {
        List<String> lines = get(page, id, word, name).lines().toList();
        if (lines.isEmpty() || !lines.getFirst().startsWith("$ ")) {
            throw new IllegalStateException("docs/" + page + ": block " + id + " does not start with \"$ \"");
        }
        return lines.subList(1, lines.size());
    }

    /**
     * Runs shell block {@code id} of {@code page}, with {@code word} replaced by
     * {@code name}, with {@code sh -eu} where the test runs; for blocks that act on a
     * named namespace only ({@code ip netns add NAME}, {@code ip -n NAME ...}).
     */
    public static Command.Result runNaming(String page, String id, String word, String name) {
        return Command.run(Duration.ofSeconds(30), List.of("sh", "-eu", "-c", get(page, id, word, name))).orThrow();
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

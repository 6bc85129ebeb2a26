// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs an {@link EndToEnd} test only where it can work: as root, where a network namespace
 * can be made, with every tool it needs on PATH and the image built.
 *
 * <p>Elsewhere the test is skipped with the reason, so the suite stays usable on a laptop
 * without root. With the environment variable {@code CI=true} the same situation is a
 * failure instead: CI exists to run these tests, and a skip there would hide that nothing
 * was tested.
 */
public final class RequiresRootNetns implements ExecutionCondition {

    private static final List<String> ALWAYS = List.of("ip", "ss");
    private static final List<String> SYSTEM_BIN = List.of("/usr/sbin", "/sbin", "/usr/bin");

    /** The namespace probe runs once per test JVM; null until then. */
    private static volatile String namespaceProblem;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> problem = problem(context);
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("root, namespaces, tools and image present");
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true, so this end-to-end test must run, but "
                    + problem.get());
        }
        return ConditionEvaluationResult.disabled("end-to-end test skipped: " + problem.get());
    }

    private static Optional<String> problem(ExtensionContext context) {
        if (!isRoot()) {
            return Optional.of("it needs root (network namespaces, nginx on port 80)");
        }
        List<String> missing = missingTools(context);
        if (!missing.isEmpty()) {
            return Optional.of("missing tools on PATH: " + String.join(", ", missing));
        }
        if (!Files.isExecutable(Image.launcher())) {
            return Optional.of("no image at " + Image.dir() + "; build it with mvn package");
        }
        return Optional.ofNullable(probeNamespaces());
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[2])
                    .anyMatch("0"::equals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> missingTools(ExtensionContext context) {
        Set<String> tools = new LinkedHashSet<>(ALWAYS);
        context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, EndToEnd.class))
                .ifPresent(endToEnd -> tools.addAll(List.of(endToEnd.tools())));

        List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        return missing;
    }

    private static boolean onPath(String tool) {
        List<String> dirs = new ArrayList<>(SYSTEM_BIN);
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        return dirs.stream().filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    /** Makes and deletes one namespace; returns why that failed, or null. */
    private static String probeNamespaces() {
        String known = namespaceProblem;
        if (known != null) {
            return known.isEmpty() ? null : known;
        }

        String problem;
        try {
            Netns.create("probe").close();
            problem = "";
        } catch (RuntimeException e) {
            problem = "cannot make a network namespace: " + e.getMessage();
        }
        namespaceProblem = problem;
        return problem.isEmpty() ? null : problem;
    }
}

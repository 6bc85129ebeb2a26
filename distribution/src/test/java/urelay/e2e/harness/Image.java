// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the things under test live: the jlink image (system property {@code urelay.image},
 * set by the failsafe configuration), the compiled test peers ({@code urelay.testClasses})
 * and the JDK running the tests, which also runs the peers.
 */
public final class Image {

    private Image() {
    }

    /** The image directory, {@code distribution/target/urelay} in a normal build. */
    public static Path dir() {
        String image = System.getProperty("urelay.image");
        if (image == null) {
            throw new IllegalStateException("system property urelay.image is not set;"
                    + " run the tests through Maven (mvn verify)");
        }
        return Path.of(image).toAbsolutePath();
    }

    /** The image's launcher script. */
    public static Path launcher() {
        return dir().resolve("bin/urelay");
    }

    /** {@code bin/urelay args...}. */
    public static List<String> urelayCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * {@code java -cp <test classes> <mainClass> args...} with the JDK running the tests,
     * for peers started inside a namespace.
     */
    public static List<String> peerCommand(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", testClasses().toString(), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Like {@link #peerCommand(Class, String...)}, with the jars or directories that hold
     * {@code libraries} on the class path too, for peers that need more than the JDK.
     */
    public static List<String> peerCommand(Class<?> mainClass, List<Class<?>> libraries,
            String... args) {
        StringBuilder classPath = new StringBuilder(testClasses().toString());
        for (Class<?> library : libraries) {
            classPath.append(':').append(location(library));
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath.toString(), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    private static Path testClasses() {
        String classes = System.getProperty("urelay.testClasses");
        if (classes == null) {
            throw new IllegalStateException("system property urelay.testClasses is not set;"
                    + " run the tests through Maven (mvn verify)");
        }
        return Path.of(classes).toAbsolutePath();
    }
}

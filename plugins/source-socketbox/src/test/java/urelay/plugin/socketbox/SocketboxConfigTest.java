// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import urelay.spi.Capture;

class SocketboxConfigTest {

    private static final Path PATH = Path.of("/run/urelay/socketbox.sock");

    private static String problem(Path path, String mode, String capture) {
        return assertThrows(IllegalArgumentException.class, () -> new SocketboxConfig(path, mode, capture, null))
                .getMessage();
    }

    @Test
    void letsOnlyUrelaysUserConnectAndReadsDestinationsAsLocalByDefault() {
        SocketboxConfig config = new SocketboxConfig(PATH, null, null, null);

        assertEquals("0600", config.mode());
        assertEquals(PosixFilePermissions.fromString("rw-------"), config.permissions());
        assertEquals(Capture.LOCAL, config.captureMode());
        assertEquals(SocketboxConfig.SocketKind.DATAGRAM, config.socketKind());
    }

    @Test
    void takesStreamOrDatagramSocketsAndNothingElse() {
        assertEquals(SocketboxConfig.SocketKind.STREAM, new SocketboxConfig(PATH, null, null, "stream").socketKind());
        assertEquals(SocketboxConfig.SocketKind.DATAGRAM,
                new SocketboxConfig(PATH, null, null, "datagram").socketKind());

        var e = assertThrows(IllegalArgumentException.class, () -> new SocketboxConfig(PATH, null, null, "seqpacket"));

        assertEquals("socket: \"seqpacket\" is not a socket kind; allowed datagram (socketbox's own server), stream",
                e.getMessage());
    }

    @Test
    void readsTheModeAsOctalDigits() {
        assertEquals(PosixFilePermissions.fromString("rw-rw----"),
                new SocketboxConfig(PATH, "0660", null, null).permissions());
        assertEquals(PosixFilePermissions.fromString("rwxr-x--x"),
                new SocketboxConfig(PATH, "0751", null, null).permissions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"660", "432", "0888", "06600", "4660", "rw-rw----", ""})
    void refusesAModeThatIsNotFourOctalDigitsStartingWithZero(String mode) {
        assertEquals("mode: \"" + mode + "\" is not a file mode; write four octal digits in quotes, such as "
                + "\"0660\" (without quotes YAML may read the digits as a number)", problem(PATH, mode, null));
    }

    @Test
    void takesEachCaptureModeByItsLowerCaseName() {
        assertEquals(Capture.LOCAL, new SocketboxConfig(PATH, null, "local", null).captureMode());
        assertEquals(Capture.TPROXY, new SocketboxConfig(PATH, null, "tproxy", null).captureMode());
        assertEquals(Capture.REDIRECT, new SocketboxConfig(PATH, null, "redirect", null).captureMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOCAL", "nat", "transparent"})
    void refusesAnUnknownCaptureMode(String capture) {
        assertEquals("capture: \"" + capture + "\" is not a capture mode; allowed local, tproxy, redirect",
                problem(PATH, null, capture));
    }

    @Test
    void needsAnAbsolutePath() {
        assertEquals("path: required; a socket path such as /run/urelay/socketbox.sock", problem(null, null, null));
        assertEquals("path: \"run/socketbox.sock\" is not an absolute file path; allowed a path from /, such as "
                + "/run/urelay/socketbox.sock", problem(Path.of("run/socketbox.sock"), null, null));
        assertThrows(IllegalArgumentException.class, () -> new SocketboxConfig(Path.of("/"), null, null, null));
    }

    @Test
    void takesAPathOfUpTo107Bytes() {
        Path longest = Path.of("/" + "d".repeat(90) + "/" + "s".repeat(15));
        assertEquals(107, longest.toString().length());

        assertEquals(longest, new SocketboxConfig(longest, null, null, null).path());
    }

    @Test
    void refusesAPathLongerThanTheKernelTakes() {
        Path tooLong = Path.of("/" + "d".repeat(90) + "/" + "s".repeat(16));

        assertEquals("path: \"" + tooLong + "\" is 108 bytes long; the kernel allows 107",
                problem(tooLong, null, null));
    }

    @Test
    void countsBytesNotCharactersTowardsTheLimit() {
        Path wide = Path.of("/" + "ü".repeat(50) + "/socket.sock");

        assertEquals("path: \"" + wide + "\" is 113 bytes long; the kernel allows 107", problem(wide, null, null));
    }

    @Test
    void refusesADirectoryTooLongForTheHiddenDirectoryBesideTheSocket() {
        Path deep = Path.of("/" + "d".repeat(96) + "/s.sock");
        assertEquals(104, deep.toString().length());

        assertEquals("path: \"" + deep + "\" is in a directory of 97 bytes, too long for the hidden directory the "
                + "socket is set up in beside it; allowed a directory of at most 96 bytes", problem(deep, null, null));
        assertEquals(Path.of("/" + "d".repeat(95) + "/s.sock"),
                new SocketboxConfig(Path.of("/" + "d".repeat(95) + "/s.sock"), null, null, null).path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/run/urelay/.", "/run/urelay/.."})
    void refusesAPathEndingInADotName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);

        assertEquals("path: \"" + path + "\" ends in " + name + ", which names a directory; end it with the "
                + "socket's file name, such as socketbox.sock", problem(Path.of(path), null, null));
    }
}

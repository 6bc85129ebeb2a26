// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path directory;

    @Test
    void hasNoneWithoutAUsername() {
        assertEquals(Optional.empty(), Credentials.of(new Socks5Config("h:1", null, null, null, null, null)));
    }

    @Test
    void takesTheInlinePasswordAsItIs() {
        assertEquals(new Credentials("alice", "s3cret\n"), credentials("s3cret\n", null));
    }

    @Test
    void dropsOneTrailingLineEndFromThePasswordFile() throws IOException {
        assertEquals("s3cret", fromFile("s3cret\n").password());
        assertEquals("s3cret", fromFile("s3cret\r\n").password());
        assertEquals("s3cret", fromFile("s3cret").password());
        assertEquals("s3cret\n", fromFile("s3cret\n\n").password());
        assertEquals(" s3 cret ", fromFile(" s3 cret \n").password());
    }

    @Test
    void namesAMissingPasswordFile() {
        Path missing = directory.resolve("missing");
        assertEquals("password-file: " + missing + " does not exist", failure(missing));
    }

    @Test
    void namesAPasswordFileThatCannotBeRead() {
        assertEquals("password-file: " + directory + " cannot be read: Is a directory", failure(directory));
    }

    @Test
    void namesAPasswordFileThatIsNotUtf8() throws IOException {
        Path file = Files.write(directory.resolve("password"), new byte[] {(byte) 0xff, (byte) 0xfe});
        assertEquals("password-file: " + file + " is not UTF-8 text", failure(file));
    }

    @Test
    void rejectsAPasswordFileWithAnEmptyPassword() throws IOException {
        Path file = Files.writeString(directory.resolve("password"), "\n");
        assertEquals("password-file: " + file + ": has 0 bytes; allowed 1 to 255 (RFC 1929)", failure(file));
    }

    @Test
    void masksThePasswordInItsText() {
        assertEquals("Credentials[username=alice, password=****]", new Credentials("alice", "s3cret").toString());
    }

    private Credentials fromFile(String content) throws IOException {
        return credentials(null, Files.writeString(directory.resolve("password"), content));
    }

    private static Credentials credentials(String password, Path passwordFile) {
        return Credentials.of(new Socks5Config("h:1", "alice", password, passwordFile, null, null)).orElseThrow();
    }

    private static String failure(Path passwordFile) {
        return assertThrows(IllegalArgumentException.class, () -> credentials(null, passwordFile)).getMessage();
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A client that resets before it is accepted is routine; running out of descriptors is not. */
class AcceptErrorsTest {

    @Test
    void clientThatResetBeforeAcceptIsOnlyThatClientsProblem() {
        assertTrue(AcceptErrors.onlyThatClient(Errno.ECONNABORTED));
        assertTrue(AcceptErrors.onlyThatClient(Errno.ECONNRESET));
        assertTrue(AcceptErrors.onlyThatClient(Errno.ENETUNREACH));
    }

    @Test
    void runningOutOfDescriptorsOrMemoryIsLeftToTheAcceptLoop() {
        assertFalse(AcceptErrors.onlyThatClient(Errno.EMFILE));
        assertFalse(AcceptErrors.onlyThatClient(Errno.ENFILE));
        assertFalse(AcceptErrors.onlyThatClient(Errno.ENOBUFS));
        assertFalse(AcceptErrors.onlyThatClient(Errno.ENOMEM));
        assertFalse(AcceptErrors.onlyThatClient(Errno.EBADF));
    }

    @Test
    void acceptedSocketWhosePeerIsGoneIsNoWarning() {
        assertTrue(AcceptErrors.clientGone(Errno.ENOTCONN));
        assertTrue(AcceptErrors.clientGone(Errno.ECONNRESET));
        assertFalse(AcceptErrors.clientGone(Errno.ENOENT));
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the command, stdout and stderr of every urelay the failing test class started,
 * so a CI log alone explains an end-to-end failure.
 */
public final class DumpUrelayOnFailure implements BeforeAllCallback, TestWatcher {

    @Override
    public void beforeAll(ExtensionContext context) {
        UrelayProcess.forgetStarted();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (UrelayProcess urelay : UrelayProcess.started()) {
            System.err.println("urelay output for failed test " + context.getDisplayName()
                    + urelay.describe());
        }
    }
}

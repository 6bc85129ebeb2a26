// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import urelay.plugin.testkit.NoSettings;

/** The architecture rules fail on a class that breaks them, so a passing run means something. */
class ArchitectureRulesBiteTest {

    /** Stands for runtime code that names a plugin class directly. */
    static final class RuntimeClassNamingAPlugin {
        NoSettings settings() {
            return new NoSettings();
        }
    }

    @Test
    void runtimeRuleFailsForARuntimeClassThatNamesAPluginClass() {
        JavaClasses imported = new ClassFileImporter().importClasses(RuntimeClassNamingAPlugin.class, NoSettings.class);

        assertThrows(AssertionError.class, () -> ArchitectureTest.Rules.RUNTIME_NOT_ON_PLUGINS.check(imported));
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries the runtime can check itself: the SPI stands on the JDK alone, and
 * the runtime reaches plugins only through the SPI and ServiceLoader, never by naming a
 * plugin class. (That plugins depend only on the SPI and the JDK is checked where the
 * plugins are built.)
 */
@AnalyzeClasses(packages = {"urelay.spi", "urelay.runtime"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The SPI is what third parties compile against; it must not drag anything else in. */
    @ArchTest
    static final ArchRule spiDependsOnlyOnTheJdk = Rules.SPI_ONLY_ON_JDK;

    /** A plugin is found by ServiceLoader; naming one in the runtime would tie the image to it. */
    @ArchTest
    static final ArchRule runtimeNeverDependsOnAPlugin = Rules.RUNTIME_NOT_ON_PLUGINS;

    /** The rules, shared with the test that proves they catch a violation. */
    static final class Rules {

        static final ArchRule SPI_ONLY_ON_JDK = classes().that().resideInAPackage("urelay.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "urelay.spi..")
                .because("plugins compile against urelay.spi and nothing else");

        static final ArchRule RUNTIME_NOT_ON_PLUGINS = noClasses().that().resideInAPackage("urelay.runtime..")
                .should().dependOnClassesThat().resideInAPackage("urelay.plugin..")
                .because("the runtime finds plugins with ServiceLoader only");

        private Rules() {
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an end-to-end test class: it runs only as root with network namespaces and the
 * listed tools available ({@link RequiresRootNetns}), prints urelay's output when a test
 * fails ({@link DumpUrelayOnFailure}), and no test or lifecycle method may run longer than
 * five minutes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("e2e")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith({RequiresRootNetns.class, DumpUrelayOnFailure.class})
public @interface EndToEnd {

    /** Programs the tests run, besides {@code ip} and {@code ss}, looked up on PATH. */
    String[] tools() default {};
}

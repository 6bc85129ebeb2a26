// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.util.List;
import java.util.Objects;

/** What {@link ConfigLoader#load} made of a file: a config ready to run, or its problems. */
public sealed interface ConfigResult permits ConfigResult.Valid, ConfigResult.Invalid {

    /** Every part of the file is valid and every plugin instance was created. */
    record Valid(RelayConfig config) implements ConfigResult {
        public Valid {
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * The file cannot be used. Each problem is one line,
     * {@code FILE:LINE:COL: PATH: PROBLEM; ALLOWED}, in the order they appear in the file.
     */
    record Invalid(List<String> problems) implements ConfigResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid config has at least one problem");
            }
        }
    }
}

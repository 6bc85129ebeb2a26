// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A value the runtime's own deserializers refused; its message is already a finished
 * {@code PROBLEM; ALLOWED} sentence, which Jackson carries up with the value's path.
 */
final class BadValueException extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    BadValueException(JsonParser parser, String message, Object value, Class<?> targetType) {
        super(parser, message, value, targetType);
    }
}

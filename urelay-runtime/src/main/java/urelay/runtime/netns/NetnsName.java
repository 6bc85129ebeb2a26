// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.netns;

import java.util.regex.Pattern;

/**
 * The name of a namespace under {@code /run/netns}, as {@code ip netns} takes it. Narrower
 * than what {@code ip} accepts, so a name can never reach outside that directory or be read
 * as an option.
 *
 * @param value 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or a digit
 */
public record NetnsName(String value) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Checks {@code text} and returns it as a name. */
    public static NetnsName parse(String text) throws NetnsException {
        if (text == null || !NAME.matcher(text).matches()) {
            throw NetnsException.badArguments("\"" + text + "\" is not a namespace name; allowed 1-64 letters, "
                    + "digits, '.', '_' and '-', starting with a letter or a digit");
        }
        return new NetnsName(text);
    }

    @Override
    public String toString() {
        return value;
    }
}

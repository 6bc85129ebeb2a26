// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

/**
 * A place in the config file, both numbers counted from 1.
 *
 * @param line   the line
 * @param column the column, in characters
 */
record Location(int line, int column) implements Comparable<Location> {

    /** The start of the file, for problems that belong to no particular place. */
    static final Location START = new Location(1, 1);

    @Override
    public int compareTo(Location other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}

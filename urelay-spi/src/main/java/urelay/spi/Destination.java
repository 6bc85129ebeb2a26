// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * Where a client connection should go: an IP address and port, a domain name and port, or a
 * Unix-domain socket path. Code that handles a destination switches over the three cases
 * without a {@code default} branch, so a new case breaks the build rather than a user.
 */
public sealed interface Destination permits IpDestination, DomainDestination, UnixDestination {

    /** The destination as a user would write it: {@code 192.0.2.1:80}, {@code [2001:db8::1]:443},
     *  {@code example.org:443} or {@code unix:/run/app.sock}. */
    String text();
}

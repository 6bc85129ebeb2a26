// SPDX-License-Identifier: Apache-2.0
/** Routes: which sink takes a connection, by destination prefix and port, first match wins. */
package urelay.runtime.route;

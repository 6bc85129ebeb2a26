// SPDX-License-Identifier: Apache-2.0
/** The audit log: one line per relayed connection, plain {@code key=value} or JSON. */
package urelay.runtime.audit;

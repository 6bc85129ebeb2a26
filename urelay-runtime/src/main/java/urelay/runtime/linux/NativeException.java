// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.io.IOException;

/**
 * A Linux call failed. Carries the call's name, the errno and its text, so a log line says
 * {@code connect 198.51.100.7:80: ECONNREFUSED (Connection refused)}.
 */
public final class NativeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    public NativeException(String call, int errno) {
        super(call + ": " + Errno.name(errno) + " (" + Libc.strerror(errno) + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The failed call, with what it acted on, such as {@code bind [::]:80}. */
    public String call() {
        return call;
    }

    /** The error number. */
    public int errno() {
        return errno;
    }

    /** The error's name, such as {@code ECONNRESET}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** Whether this is a reset or broken pipe: a peer fault, not ours. */
    public boolean isReset() {
        return errno == Errno.ECONNRESET || errno == Errno.EPIPE || errno == Errno.ECONNABORTED;
    }
}

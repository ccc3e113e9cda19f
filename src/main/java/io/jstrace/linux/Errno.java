package io.jstrace.linux;

/** A failed system call: the errno and the call that set it. */
public final class Errno extends Exception {
    private final int errno;

    public Errno(String call, int errno) {
        super(call + ": errno " + errno, null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    public static final int ENOENT = 2, ESRCH = 3, EINTR = 4, ECHILD = 10;
}

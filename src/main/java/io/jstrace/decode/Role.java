package io.jstrace.decode;

/**
 * What an argument is, beyond how it prints: what -P (paths and fds), -e read=/write= (the data a
 * call moves) and a backend that must capture memory at the call look for. A kind declares its
 * role; nobody infers it from the kind's name.
 */
public sealed interface Role {
    /** Nothing any of them looks for. */
    record None() implements Role {}

    /** A NUL-terminated path. */
    record Path() implements Role {}

    /** A file descriptor (a dirfd included). */
    record Fd() implements Role {}

    /** select's fd_set, of as many bits as the first argument says. */
    record FdSet() implements Role {}

    /** poll's array of struct pollfd; the next argument is the count. */
    record PollFds() implements Role {}

    /**
     * Data the call moves: {@code written} (given to the kernel: valid at entry) or read (filled
     * by the kernel, as much as the call returned). {@code lengthArg} is the argument holding
     * the buffer's length or the vector's count, or -1 where the shape carries it.
     */
    record Data(Shape shape, boolean written, int lengthArg) implements Role {}

    /**
     * {@code role} only in the calls whose raw arguments {@code applies} accepts (strace's
     * pathtrace tests fsconfig's last argument as an fd only for the commands that take one).
     */
    record When(java.util.function.Predicate<long[]> applies, Role role) implements Role {}

    enum Shape { BUFFER, IOV, MSGHDR, MMSG }

    Role NONE = new None();
    Role PATH = new Path();
    Role FD = new Fd();
}

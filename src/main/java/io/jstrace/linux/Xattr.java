package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/** Extended attributes of files, read by path. */
public final class Xattr {
    private Xattr() {}

    /** getxattr(2): the value of {@code name} on {@code path}, at most {@code max} bytes; null when it cannot be read. */
    public static byte[] get(String path, String name, int max) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(max);
            long n = Libc.call(Libc.GETXATTR, Libc.errnoState(), arena.allocateFrom(path).address(),
                    arena.allocateFrom(name).address(), value.address(), max);
            return n < 0 ? null : value.asSlice(0, n).toArray(JAVA_BYTE);
        }
    }
}

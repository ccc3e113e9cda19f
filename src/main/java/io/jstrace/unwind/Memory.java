package io.jstrace.unwind;

/** The tracee's memory, as the unwinder reads it: whole 64-bit words. */
interface Memory {
    /** The little-endian word at {@code addr}; throws if it cannot be read. */
    long word(long addr) throws UnwindException;
}

package io.jstrace.model;

import java.util.List;

/**
 * A decoded argument or field. Decoders build these; output sinks turn them into text or JSON.
 * The variants follow what strace's output distinguishes, so a sink never parses text.
 */
public sealed interface Value {

    /** An integer printed in {@code radix}; {@code unsigned} says how to read the 64 bits. */
    record Num(long value, Radix radix) implements Value {
        public static Num dec(long v) {
            return new Num(v, Radix.DEC);
        }

        public static Num udec(long v) {
            return new Num(v, Radix.UDEC);
        }

        public static Num hex(long v) {
            return new Num(v, Radix.HEX);
        }

        public static Num oct(long v) {
            return new Num(v, Radix.OCT);
        }
    }

    /** {@code WORD}: a 64-bit word of a bitmap in hex, zero-padded as C's {@code %#016lx} (nodemasks). */
    enum Radix { DEC, UDEC, HEX, OCT, WORD }

    /** A named constant such as {@code AT_FDCWD} or {@code SIGCHLD}. */
    record Sym(String name, long value) implements Value {}

    /** Flag names joined by {@code |}, then any unnamed bits in {@code restRadix}; no bits at all print as {@code zero}. */
    record Flags(List<String> names, long rest, Radix restRadix, long value) implements Value {}

    /** Bytes shown as a quoted string; {@code truncated} adds strace's {@code ...} after the quote. */
    record Str(byte[] bytes, boolean truncated) implements Value {}

    /**
     * A file descriptor; under -y with what stands behind it: a {@code path} (escaped when
     * printed) and a {@code detail} printed as is (socket endpoints, device numbers). Both null without -y.
     */
    record Fd(int fd, String path, String detail) implements Value {}

    /** A value with the path it stands for, under -y: {@code AT_FDCWD</home/me>}. */
    record WithPath(Value value, String path) implements Value {}

    /** A tracee address: {@code NULL} or hex. */
    record Addr(long address) implements Value {}

    /** {@code {name=value, ...}}; a field with a null name prints only its value. */
    record Struct(List<Field> fields, boolean truncated) implements Value {}

    record Field(String name, Value value) {}

    /** {@code [a, b, ...]}; {@code truncated} adds a final {@code ...}. */
    record Arr(List<Value> items, boolean truncated) implements Value {}

    /**
     * A set printed as strace prints signal, CPU and fd sets: {@code [A B]}, or {@code ~[A B]}
     * (the complement) when {@code inverted}. Members are {@link Sym}s (signals) or {@link Num}s.
     */
    record BitSet(List<Value> members, boolean inverted) implements Value {}

    /** A macro-like call: {@code makedev(0x8, 0x1)}, {@code htons(80)}, {@code inet_addr("127.0.0.1")}. */
    record Call(String function, List<Value> args) implements Value {}

    /** {@code left op right}: {@code 8192*1024}, {@code st_mode=S_IFREG|0644}, {@code WIFEXITED(s) && ...}. */
    record Op(Value left, String op, Value right) implements Value {}

    /** A value followed by {@code /* comment *}{@code /}. */
    record Commented(Value value, String comment) implements Value {}

    /**
     * A number and what it encodes ({@code IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)}): -X raw shows
     * {@code raw} (unsigned decimal), the default {@code decoded}, -X verbose both as
     * {@code raw /* decoded *}{@code /}.
     */
    record Decoded(long raw, Value decoded) implements Value {}

    /** Memory the tracer could not read: strace prints the address instead. */
    record Unreadable(long address) implements Value {}

    /** Text strace prints literally, for shapes that carry no further structure ({@code ...}). */
    record Text(String text) implements Value {}

    Value NULL_PTR = new Addr(0);
    Value ELLIPSIS = new Text("...");
}

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

    /**
     * {@code WORD}: a 64-bit word of a bitmap in hex, zero-padded as C's {@code %#016lx} (nodemasks);
     * {@code WORD32} a 32-bit one, as {@code %#08x} (netlink groups); {@code WORD16} and
     * {@code WORD8} 16- and 8-bit ones, as {@code %#04x} and {@code %#02x} (strace's PRINT_VAL_0X).
     */
    enum Radix { DEC, UDEC, HEX, OCT, WORD, WORD32, WORD16, WORD8 }

    /** A named constant such as {@code AT_FDCWD} or {@code SIGCHLD}. */
    record Sym(String name, long value) implements Value {}

    /**
     * Flag names joined by {@code |}, then any unnamed bits in {@code restRadix}. {@code unknown}
     * is strace's default for a value no name covers: when there are no names, non-zero bits are
     * followed by it as a comment ({@code 0xffff1e00 /* TIOCM_??? *}{@code /}; none when empty),
     * and no bits at all print as {@code 0}, or as nothing when {@code unknown} is null (strace's
     * printflags without a default: {@code c_oflag=NL0|...|FF0|}); so does a value of 0 under -X
     * raw when {@code unknown} is null, even where 0 has a name (statx's {@code |0x800}).
     */
    record Flags(List<String> names, long rest, Radix restRadix, long value, String unknown) implements Value {
        public Flags(List<String> names, long rest, Radix restRadix, long value) {
            this(names, rest, restRadix, value, "");
        }
    }

    /**
     * A number its table has no name for, which strace follows with a comment saying what it
     * should have been ({@code 0x1f /* EV_??? *}{@code /}), except under -X raw and inside
     * another comment.
     */
    record Unknown(long value, Radix radix, String expected) implements Value {}

    /**
     * Bytes shown as a quoted string; {@code truncated} adds strace's {@code ...} after the quote.
     * {@code hex}: always shown as {@code \\x} escapes, whatever -x says (strace's QUOTE_FORCE_HEX:
     * getrandom's buffer).
     */
    record Str(byte[] bytes, boolean truncated, boolean hex) implements Value {
        public Str(byte[] bytes, boolean truncated) {
            this(bytes, truncated, false);
        }
    }

    /**
     * A file descriptor; under -y with what stands behind it: a {@code path} (escaped when
     * printed) and a {@code detail} printed as is (socket endpoints, device numbers). Both null without -y.
     * {@code deleted}: the file is gone; strace prints {@code (deleted)} after the brackets.
     */
    record Fd(int fd, String path, String detail, boolean deleted) implements Value {
        public Fd(int fd, String path, String detail) {
            this(fd, path, detail, false);
        }
    }

    /**
     * A process, thread, process group or session id; under -Y with the process's name
     * ({@code 1234<sh>}, null when not asked or not known), under --pidns-translation with its
     * id in the tracer's PID namespace where the tracee's differs ({@code 2 /* 1234 in strace's
     * PID NS *}{@code /}, 0 when not asked, the same or not known).
     */
    record Pid(int pid, String comm, int tracerPid) implements Value {}

    /** A value with the path it stands for, under -y: {@code AT_FDCWD</home/me>}. */
    record WithPath(Value value, String path) implements Value {}

    /** A tracee address: {@code NULL} or hex. */
    record Addr(long address) implements Value {}

    /** {@code {name=value, ...}}; a field with a null name prints only its value. */
    record Struct(List<Field> fields, boolean truncated) implements Value {}

    /** A named value: a struct's member, or an argument strace names ({@code flags=CLONE_VM|...} of clone). */
    record Field(String name, Value value) implements Value {}

    /** {@code [a, b, ...]}; {@code truncated} adds a final {@code ...}. */
    record Arr(List<Value> items, boolean truncated) implements Value {}

    /**
     * A set printed as strace prints signal, CPU and fd sets: {@code [A B]}, or {@code ~[A B]}
     * (the complement) when {@code inverted}. Members are {@link Sym}s (signals) or {@link Num}s.
     */
    record BitSet(List<Value> members, boolean inverted) implements Value {}

    /** A macro-like call: {@code makedev(0x8, 0x1)}, {@code htons(80)}, {@code inet_addr("127.0.0.1")}. */
    record Call(String function, List<Value> args) implements Value {}

    /** A bitwise or of its parts: {@code S_IFREG|0644}, {@code SOCK_STREAM|SOCK_CLOEXEC}. */
    record Or(List<Value> parts) implements Value {
        public Or(Value a, Value b) {
            this(List.of(a, b));
        }
    }

    /** {@code value} shifted left by {@code by}: {@code 21<<MAP_HUGE_SHIFT}. */
    record Shift(Value value, Value by) implements Value {}

    /** {@code base} plus {@code offset}: a BPF load's {@code SKF_AD_OFF+SKF_AD_PKTTYPE}. */
    record Sum(Value base, Value offset) implements Value {}

    /**
     * Bytes {@code first} to {@code last} of a struct, shown apart from its known fields (strace's
     * print_nonzero_bytes: {@code /* bytes 2..3 *}{@code / "\x00\xff"}).
     */
    record ByteRange(long first, long last, Value bytes) implements Value {}

    /** {@code value} times {@code factor}: an rlimit of {@code 8192*1024}. */
    record Product(Value value, Value factor) implements Value {}

    /** An in/out argument that the call changed: {@code before => after}. */
    record Changed(Value before, Value after) implements Value {}

    /** A value with the word that says what it is: {@code left {tv_sec=1, ...}}, {@code in [3]}, {@code flags O_RDWR}. */
    record Labeled(String label, Value value) implements Value {}

    /** All of the conditions hold: {@code WIFEXITED(s) && WEXITSTATUS(s) == 0}. */
    record And(List<Value> conditions) implements Value {}

    /** {@code left} equals {@code right}, as a condition: {@code WEXITSTATUS(s) == 0}. */
    record Equals(Value left, Value right) implements Value {}

    /** An element of a C array by its index: {@code [VINTR]=0x3}. */
    record Indexed(Value index, Value value) implements Value {}

    /**
     * A C identifier printed as it is, never as a number: the variable {@code s} of
     * {@code WIFEXITED(s)}, {@code RLIM64_INFINITY} as a decoded rlimit.
     */
    record Name(String name) implements Value {}

    /** The address of a C object, as an out argument of a macro call: {@code &sin6_addr}. */
    record AddressOf(String name) implements Value {}

    /** A name in the abstract UNIX socket namespace (its leading NUL dropped): {@code @"name"}. */
    record Abstract(Str name) implements Value {}

    /** A value followed by {@code /* comment *}{@code /}. */
    record Commented(Value value, String comment) implements Value {}

    /**
     * Constants that strace always shows as numbers with their names in a comment, whatever -X
     * says, but as bare numbers under -X raw (its forced XLAT_STYLE_VERBOSE): arch_prctl's
     * {@code [0xe7 /* XFEATURE_MASK_FPSSE|... *}{@code /]}, PR_SCHED_CORE's {@code 0 /* PIDTYPE_PID *}{@code /}.
     */
    record Explained(Value value) implements Value {}

    /**
     * A number and what it encodes ({@code IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)}): -X raw shows
     * {@code raw} in {@code radix}, the default {@code decoded}, -X verbose both as
     * {@code raw /* decoded *}{@code /}. {@code abbreviated}: the comment shows {@code decoded}
     * with names only and no comments of its own, as strace prints ioctl numbers
     * ({@code 0x80084521 /* EVIOCGBIT(EV_KEY, 8) *}{@code /}); otherwise -X verbose applies inside
     * it too, as in strace's ioprio ({@code IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE *}{@code /, 0)}).
     */
    record Decoded(long raw, Radix radix, Value decoded, boolean abbreviated) implements Value {
        /** Raw in unsigned decimal, -X verbose inside the comment. */
        public Decoded(long raw, Value decoded) {
            this(raw, Radix.UDEC, decoded, false);
        }
    }

    /**
     * A value strace shows decoded, and as {@code raw} under -X raw; with {@code rawInVerbose} -X
     * verbose shows both, the raw form in a comment after the decoded one (evdev's bits:
     * {@code [KEY_1 KEY_2] /* [0xc] *}{@code /}), else only the decoded form (v4l2's fourcc).
     */
    record WithRaw(Value decoded, Value raw, boolean rawInVerbose) implements Value {}

    /** A ratio strace prints as {@code numerator/denominator}: v4l2's frame periods ({@code 1/30}). */
    record Fraction(long numerator, long denominator) implements Value {}

    /**
     * A byte as a C character constant: {@code 'a'}, {@code '\''}, {@code '\x01'}; with
     * {@code namedWhitespace} tab to carriage return by their letters ({@code '\n'}), as strace's print_char.
     */
    record Char(int c, boolean namedWhitespace) implements Value {}

    /** One value known by several names, which strace joins with {@code or}: {@code SNDCTL_TMR_START or TCSETS}. */
    record OneOf(List<Value> names) implements Value {}

    /**
     * A value -X chooses how to show: {@code raw} under -X raw (the bytes or number as they are),
     * {@code abbrev} by default (what they mean: {@code htons(80)}, {@code if_nametoindex("lo")}, a
     * name, or a number with strace's {@code /* X_??? *}{@code /} when no name is known), and under
     * -X verbose {@code raw} followed by {@code comment} as a comment, or {@code raw} alone when
     * {@code comment} is null.
     */
    record Styled(Value raw, Value abbrev, Value comment) implements Value {}

    /** Memory the tracer could not read: strace prints the address instead. */
    record Unreadable(long address) implements Value {}

    /** Words that describe a result and carry no structure: {@code Timeout}, a date. */
    record Note(String text) implements Value {}

    /** Elements left out where memory could not be read: {@code ...}, usually with the address in a comment. */
    record Elided() implements Value {}

    /** A member the tracer could not fetch, though the struct around it was read: strace's {@code ???}. */
    record Unavailable() implements Value {}

    Value NULL_PTR = new Addr(0);
    Value ELLIPSIS = new Elided();
    Value UNAVAILABLE = new Unavailable();
}

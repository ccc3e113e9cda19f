package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one request's third argument is shown: strace's per-request decoding, which may read what
 * the call was given at entry and what it filled in at exit.
 */
interface IoctlArg {
    /** At entry: what the argument shows of what the call was given, kept for exit; null if nothing. */
    default Value entry(Call c, long arg) {
        return null;
    }

    /** The argument as printed, at exit; {@code atEntry} is what {@link #entry} returned. Null: no argument. */
    Value exit(Call c, long arg, Value atEntry);

    /** What strace adds after a successful call's return value ({@code = 0 ({index=0, count=2})}), or null. */
    default Value returned(Call c, long arg) {
        return null;
    }

    /** Whether a successful call returns a new file descriptor (strace's RVAL_FD): {@code = 4</dev/kvm>}. */
    default boolean returnsFd() {
        return false;
    }

    /** {@code a} for a request whose successful call returns a new file descriptor. */
    static IoctlArg returningFd(IoctlArg a) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return a.entry(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                return a.exit(c, arg, atEntry);
            }

            @Override
            public boolean returnsFd() {
                return true;
            }
        };
    }

    /** A decoding of the argument (its value, or what it points to) at one moment. */
    @FunctionalInterface
    interface Reader {
        Value read(Call c, long arg);
    }

    /** Requests without an argument. */
    IoctlArg NONE = (c, arg, atEntry) -> null;

    /** The argument as a number in hex: what strace prints for requests it does not decode. */
    IoctlArg HEX = (c, arg, atEntry) -> Value.Num.hex(arg);

    /** Decoded from what the call was given: a value, or a struct read at entry. */
    static IoctlArg in(Reader r) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return r.read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                return atEntry;
            }
        };
    }

    /** Filled in by the call: read at exit; its address when the call failed. */
    static IoctlArg out(Reader r) {
        return (c, arg, atEntry) -> c.failed() ? Decode.ptr(arg) : r.read(c, arg);
    }

    /** Read at entry and at exit: {@code in => out} when the call succeeded (and {@code out} read something). */
    static IoctlArg inOut(Reader in, Reader out) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return in.read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                Value now = c.failed() || atEntry instanceof Value.Addr || atEntry instanceof Value.Unreadable
                        ? null : out.read(c, arg);
                return now == null ? atEntry : new Value.Changed(atEntry, now);
            }
        };
    }

    /** The members a struct's reader shows, given the call (for -v, -s, -X) and the struct's bytes. */
    @FunctionalInterface
    interface Members extends BiFunction<Call, Bytes, List<Value.Field>> {}

    /**
     * A struct strace opens at entry and closes at exit: {@code head}'s members at entry, and at
     * exit, when the call succeeded and the struct can be read again, {@code tail}'s after them.
     */
    static IoctlArg continued(Layout l, Members head, Members tail) {
        return continued(l, head, tail, null);
    }

    /** {@link #continued}, with {@code unreadable} (strace's {@code ???}) after the head when the struct cannot be read at exit. */
    static IoctlArg continued(Layout l, Members head, Members tail, Value unreadable) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return struct(l, b -> new Value.Struct(head.apply(c, b), false)).read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                if (c.failed() || !(atEntry instanceof Value.Struct s)) {
                    return atEntry;
                }
                Bytes b = Decode.struct(c, arg, l.size());
                if (b == null) {
                    return unreadable == null ? s : plus(s, List.of(new Value.Field(null, unreadable)));
                }
                return plus(s, tail.apply(c, b));
            }
        };
    }

    /** {@code s} with {@code more} members after its own. */
    static Value.Struct plus(Value.Struct s, List<Value.Field> more) {
        List<Value.Field> f = new ArrayList<>(s.fields());
        f.addAll(more);
        return new Value.Struct(f, s.truncated());
    }

    /** A struct of {@code layout} at the argument, shown by {@code show}; its address if it cannot be read. */
    static Reader struct(Layout layout, Function<Bytes, Value> show) {
        return structWith(layout, (c, b) -> show.apply(b));
    }

    /** {@link #struct} for a {@code show} that needs the call (its options: -s, -v, -X). */
    static Reader structWith(Layout layout, BiFunction<Call, Bytes, Value> show) {
        return (c, addr) -> {
            Bytes b = Decode.struct(c, addr, layout.size());
            return b == null ? Decode.ptr(addr) : show.apply(c, b);
        };
    }

    /** An int the argument points to, as {@code [value]} ({@code printnum_int}). */
    static Reader intBox(Function<Long, Value> show) {
        return (c, addr) -> {
            Bytes b = Decode.struct(c, addr, 4);
            return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(show.apply((long) b.s32(0))), false);
        };
    }

    /** A 64-bit word the argument points to, as {@code [value]} (a kernel_ulong_t). */
    static Reader longBox(Function<Long, Value> show) {
        return (c, addr) -> {
            Bytes b = Decode.struct(c, addr, 8);
            return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(show.apply(b.s64(0))), false);
        };
    }

    /** {@link #intBox} in decimal. */
    Reader INT = intBox(Value.Num::dec);
}

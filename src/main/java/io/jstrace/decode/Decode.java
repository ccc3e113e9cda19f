package io.jstrace.decode;

import io.jstrace.linux.TraceeMemory;
import io.jstrace.model.Value;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Building blocks shared by all kind families: strings, buffers, flags, fds, structs. */
public final class Decode {
    private static final long AUDIT_ARCH_X86_64 = Xlat.of("audit_arch").value("AUDIT_ARCH_X86_64").orElseThrow();
    private Decode() {}

    public static final int PATH_MAX = 4096;

    public static Value ptr(long addr) {
        return new Value.Addr(addr);
    }

    /** A NUL-terminated string limited by -s: {@code "abc"...} when longer. */
    public static Value cstring(Call c, long addr) {
        return cstring(c, addr, c.options.stringLimit());
    }

    public static Value cstring(Call c, long addr, int limit) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        TraceeMemory.CString s = c.memory.readCString(c.tid, addr, limit);
        if (s == null) {
            return new Value.Unreadable(addr);
        }
        return new Value.Str(s.bytes(), !s.terminated());
    }

    /** {@link #cstring(Call, long)} for several non-NULL addresses, read together. */
    public static List<Value> cstrings(Call c, long[] addrs) {
        TraceeMemory.CString[] read = c.memory.readCStrings(c.tid, addrs, c.options.stringLimit());
        List<Value> out = new ArrayList<>(read.length);
        for (int i = 0; i < read.length; i++) {
            TraceeMemory.CString s = read[i];
            out.add(s == null ? new Value.Unreadable(addrs[i]) : new Value.Str(s.bytes(), !s.terminated()));
        }
        return out;
    }

    /**
     * A path: strace prints paths whole, up to PATH_MAX - 1 bytes (it reads PATH_MAX, so a path
     * with no NUL in them prints cut, with {@code ...}, even where memory ends right after).
     */
    public static Value path(Call c, long addr) {
        return cstring(c, addr, PATH_MAX - 1);
    }

    /**
     * A buffer of {@code len} bytes, shown up to -s bytes, as strace's printstrn: NULL whatever the
     * length, and the length unsigned (a huge one shows the first -s bytes, or the address). Read
     * as strace's printstr_ex reads it: one byte more than it shows when it is cut, so a cut
     * buffer whose shown bytes end where readable memory ends prints as its address (the eBPF
     * backend's captures are sized -s + 1 for this).
     */
    public static Value buffer(Call c, long addr, long len) {
        return buffer(c, addr, len, addr == 0 || len == 0 ? null : c.memory.read(c.tid, addr, wanted(c, len)));
    }

    /** {@link #buffer(Call, long, long)}, in hex when {@code hex} (strace's QUOTE_FORCE_HEX). */
    public static Value printstr(Call c, long addr, long len, boolean hex) {
        Value v = buffer(c, addr, len);
        return hex && v instanceof Value.Str s ? new Value.Str(s.bytes(), s.truncated(), true) : v;
    }

    /** How many of a buffer's {@code len} bytes {@link #buffer(Call, long, long)} reads: one more than it shows when it cuts them. */
    static int wanted(Call c, long len) {
        int shown = shown(c, len);
        return shown != len && shown < Integer.MAX_VALUE ? shown + 1 : shown;
    }

    /** How many of a buffer's {@code len} bytes (unsigned) -s shows. */
    static int shown(Call c, long len) {
        int limit = c.options.stringLimit();
        return Long.compareUnsigned(len, limit) < 0 ? (int) len : limit;
    }

    /**
     * A string of at most {@code len} bytes that ends at its NUL (strace's printstr_ex with
     * QUOTE_0_TERMINATED): cut at -s bytes, {@code ...} after it when no NUL ended it; with
     * {@code expectNul} the last of {@code len} bytes should be the NUL, so a string filling them
     * is shown one byte short, with {@code ...}.
     */
    public static Value cstringIn(Call c, long addr, long len, boolean expectNul) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        int limit = c.options.stringLimit();
        int size = (int) Math.min(len, limit + 1L);
        byte[] read = size == 0 ? new byte[0] : c.memory.read(c.tid, addr, size);
        int nul = -1;
        for (int i = 0; read != null && i < read.length && nul < 0; i++) {
            nul = read[i] == 0 ? i : -1;
        }
        if (nul < 0 && (read == null || read.length < size)) {
            return new Value.Unreadable(addr);
        }
        int shown = Math.min(size, limit);
        if (expectNul && shown == len && shown > 0) {
            shown--;
        }
        if (nul >= 0 && nul < shown) {
            return new Value.Str(Arrays.copyOf(read, nul), false);
        }
        // Past the shown bytes: a NUL means the string ended there.
        boolean ended = shown < read.length && read[shown] == 0;
        return new Value.Str(Arrays.copyOf(read, shown), len != 0 && !ended);
    }

    /** {@link #buffer(Call, long, long)} always shown in hex, as strace shows getrandom's bytes (QUOTE_FORCE_HEX). */
    public static Value hexBuffer(Call c, long addr, long len) {
        return buffer(c, addr, len) instanceof Value.Str s ? new Value.Str(s.bytes(), s.truncated(), true) : ptr(addr);
    }

    /** {@link #buffer(Call, long, long)} from the bytes already read there ({@link #wanted} of them, or fewer: unreadable). */
    static Value buffer(Call c, long addr, long len, byte[] read) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        int shown = shown(c, len);
        if (shown == 0) {
            return new Value.Str(new byte[0], len != 0);
        }
        if (read == null || read.length < wanted(c, len)) {
            return new Value.Unreadable(addr);
        }
        return new Value.Str(read.length == shown ? read : Arrays.copyOf(read, shown), shown != len);
    }

    /**
     * Reads a struct of {@code size} bytes, or null when the memory is not readable or structures
     * are not dereferenced for this call (-e verbose=): either way the caller prints the address.
     */
    public static Bytes struct(Call c, long addr, int size) {
        return c.options.structs() ? structAsIs(c, addr, size) : null;
    }

    /**
     * strace's plain umove: the struct whatever -e verbose= says (the few decoders that strace
     * writes so, such as SIOCGIFCONF's), or null when it is NULL or not readable.
     */
    public static Bytes structAsIs(Call c, long addr, int size) {
        byte[] b = addr == 0 ? null : c.memory.readFully(c.tid, addr, size);
        return b == null ? null : new Bytes(b);
    }

    /**
     * strace's print_nonzero_bytes: the bytes {@code from..total-1} of a struct at {@code addr}
     * past the part the decoder knows; null when they are all zero, {@code ???} when they cannot
     * be read, else the first -s of them in hex.
     */
    public static Value extraBytes(Call c, long addr, int from, long total) {
        if (from >= total) {
            return null;
        }
        byte[] b = c.memory.readFully(c.tid, addr + from, (int) (total - from));
        if (b == null) {
            return Value.UNAVAILABLE;
        }
        boolean zero = true;
        for (byte x : b) {
            zero &= x == 0;
        }
        if (zero) {
            return null;
        }
        int shown = Math.min(b.length, c.options.stringLimit());
        return new Value.ByteRange(from, total - 1, new Value.Str(Arrays.copyOf(b, shown), shown < b.length, true));
    }

    /**
     * The name from {@code table}, or the number in {@code fallback} radix followed by strace's
     * {@code /* PREFIX_??? *}{@code /} comment when {@code unknown} is given.
     */
    public static Value sym(String table, long value, Value.Radix fallback, String unknown) {
        String name = Xlat.of(table).name(value);
        if (name != null) {
            return new Value.Sym(name, value);
        }
        return unknown == null ? new Value.Num(value, fallback) : new Value.Unknown(value, fallback, unknown);
    }

    /**
     * {@link #sym} for strace's printxval with a number format (PRINT_FIELD_XVAL_U, _D): -X raw
     * and -X verbose print the number in {@code radix}, not in hex.
     */
    public static Value sym(String table, long value, Value.Radix radix, String unknown, boolean rawInRadix) {
        Value v = sym(table, value, radix, unknown);
        return rawInRadix && v instanceof Value.Sym ? new Value.Decoded(value, radix, v, true) : v;
    }

    /** Flags from {@code table}; unnamed bits in hex. */
    public static Value flags(String table, long value) {
        return flags(table, value, Value.Radix.HEX);
    }

    /**
     * strace's printflags with a default: a value of 0 by the table's name for 0 if it has one;
     * {@code unknown} as in {@link Value.Flags} (null: strace prints nothing for no bits).
     */
    public static Value flags(String table, long value, String unknown) {
        Xlat x = Xlat.of(table);
        if (value == 0 && x.name(0) != null) {
            return new Value.Sym(x.name(0), 0);
        }
        Xlat.Flags f = x.flags(value);
        return new Value.Flags(f.names(), f.rest(), Value.Radix.HEX, value, unknown);
    }

    public static Value flags(String table, long value, Value.Radix restRadix) {
        Xlat.Flags f = Xlat.of(table).flags(value);
        return new Value.Flags(f.names(), f.rest(), restRadix, value);
    }

    public static Value fd(Call c, int fd) {
        return fd(c, c.tid, fd);
    }

    /** {@code fd} of process {@code pid}, which need not be the caller (pidfd_getfd's target, kcmp's). */
    public static Value fd(Call c, int pid, int fd) {
        if (c.options.fdDetail() > 0 && fd >= 0) {
            FdPaths.Parts p = c.fdPaths.describe(pid, fd);
            if (p != null) {
                return new Value.Fd(fd, p.path(), p.detail(), p.deleted());
            }
        }
        return new Value.Fd(fd, null, null);
    }

    public static Value.Field field(String name, Value v) {
        return new Value.Field(name, v);
    }

    public static Value struct(Value.Field... fields) {
        return new Value.Struct(Arrays.asList(fields), false);
    }

    /**
     * {@code makedev(0x8, 0x1)} from a kernel dev_t (glibc's major/minor split); -X raw prints the
     * number in hex, -X verbose both, as strace's print_dev_t.
     */
    public static Value dev(long dev) {
        long major = ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfff);
        long minor = ((dev >>> 12) & 0xffffff00L) | (dev & 0xff);
        return new Value.Decoded(dev, Value.Radix.HEX,
                new Value.Call("makedev", List.of(Value.Num.hex(major), Value.Num.hex(minor))), false);
    }

    /**
     * {@code v} (a time of {@code sec} seconds and {@code nsec} nanoseconds) followed by strace's
     * ISO 8601 comment, when the time is one strace can print.
     */
    public static Value withTime(Value v, long sec, long nsec) {
        return StatDecoder.timeComment(v, sec, nsec);
    }

    /** A uid or gid: unsigned, except -1 (strace's printuid). */
    public static Value uid(long v) {
        int u = (int) v;
        return u == -1 ? Value.Num.dec(-1) : Value.Num.udec(u & 0xffffffffL);
    }

    /** strace's print_kernel_version: {@code KERNEL_VERSION(6, 1, 0)}, the number in hex under -X raw, both under -X verbose. */
    public static Value kernelVersion(long v) {
        return new Value.Decoded(v, Value.Radix.HEX, new Value.Call("KERNEL_VERSION",
                List.of(Value.Num.udec(v >>> 16), Value.Num.udec((v >>> 8) & 0xff), Value.Num.udec(v & 0xff))), true);
    }

    public static Value.Num dec(long v) {
        return Value.Num.dec(v);
    }
    /**
     * A struct the call filled in (strace's umoven_or_printaddr at exit): as {@link #struct}, and
     * null also when the call failed, for strace then prints the address.
     */
    public static Bytes outStruct(Call c, long addr, int size) {
        return c.exited() && c.failed() ? null : struct(c, addr, size);
    }

    /**
     * strace's printnum_*: the {@code size}-byte (4 or 8) number at {@code addr} in brackets as
     * {@code format} shows it ({@code [17]}), else NULL or the address; read as {@link #outStruct}.
     */
    public static Value indirect(Call c, long addr, int size, java.util.function.LongFunction<Value> format) {
        Bytes b = outStruct(c, addr, size);
        if (b == null) {
            return ptr(addr);
        }
        long v = size == 8 ? b.s64(0) : b.u32(0);
        return new Value.Arr(List.of(format.apply(v)), false);
    }

    /**
     * strace's printstr_ex with QUOTE_0_TERMINATED: a string of at most {@code len} bytes (and -s),
     * with {@code ...} when no NUL ends it within them; the address when memory ends first.
     */
    public static Value boundedCString(Call c, long addr, long len) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        int limit = c.options.stringLimit();
        int size = (int) Math.min(limit + 1L, len);
        byte[] b = size <= 0 ? new byte[0] : c.memory.read(c.tid, addr, size);
        int nul = b == null ? -1 : indexOfNul(b);
        if (b == null || (nul < 0 && b.length < size)) {
            return new Value.Unreadable(addr);
        }
        // A NUL just past -s (the byte read ahead) ends the string as well.
        int shown = Math.min(size, limit);
        return new Value.Str(Arrays.copyOf(b, nul >= 0 ? Math.min(nul, shown) : shown), len > 0 && nul < 0);
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A syscall number of the audit architecture {@code arch}: strace names the tracer's own
     * ({@code __NR_gettid}; the number under -X raw, both under -X verbose); others as numbers.
     */
    public static Value syscallNumber(long nr, long arch) {
        Syscall sc = arch == AUDIT_ARCH_X86_64 && nr < Integer.MAX_VALUE ? SyscallTable.x86_64().byNumber((int) nr) : null;
        return sc == null ? Value.Num.udec(nr) : new Value.Decoded(nr, Value.Radix.UDEC, new Value.Name("__NR_" + sc.name()), true);
    }

    /** strace's print_err: a negative value whose negation is a known errno as {@code -ENOENT}, others as numbers. */
    public static Value negatedErrno(long v) {
        String name = v < 0 ? Xlat.of("errno").name(-v) : null;
        return name == null ? dec(v) : new Value.Sym("-" + name, v);
    }
}

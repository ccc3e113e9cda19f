package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** Structs of the process family: rusage, rlimit, utsname, sysinfo, tms, cpu sets. */
final class ProcessStructs {
    private ProcessStructs() {}

    static final int RUSAGE_SIZE = 144;
    private static final String[] RUSAGE_LONGS = {"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
            "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals",
            "ru_nvcsw", "ru_nivcsw"};

    /** struct rusage: the two times, then (with -v) the counters, else {@code ...}. */
    static Value rusage(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("ru_utime", timeval(b, 0)));
        f.add(Decode.field("ru_stime", timeval(b, 16)));
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        for (int i = 0; i < RUSAGE_LONGS.length; i++) {
            f.add(Decode.field(RUSAGE_LONGS[i], Value.Num.dec(b.s64(32 + 8 * i))));
        }
        return new Value.Struct(f, false);
    }

    private static Value timeval(Bytes b, int off) {
        return Decode.struct(Decode.field("tv_sec", Value.Num.dec(b.s64(off))),
                Decode.field("tv_usec", Value.Num.dec(b.s64(off + 8))));
    }

    static Value rusageAt(Call c, long addr) {
        if (addr == 0 || (c.exited() && c.failed())) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, RUSAGE_SIZE);
        return b == null ? Decode.ptr(addr) : rusage(b, c.options.verbose());
    }

    private static final long RLIM64_INFINITY = -1L;

    /**
     * One rlim_t: RLIM64_INFINITY, {@code N*1024} for whole kibibytes above 1024, else the number.
     * The first two are decoded forms of the number, which -X raw prints unsigned as strace does.
     */
    static Value rlim(long v) {
        if (v == RLIM64_INFINITY) {
            return new Value.Decoded(v, new Value.Name("RLIM64_INFINITY"));
        }
        if (Long.compareUnsigned(v, 1024) > 0 && v % 1024 == 0) {
            return new Value.Decoded(v,
                    new Value.Product(Value.Num.udec(Long.divideUnsigned(v, 1024)), Value.Num.dec(1024)));
        }
        return Value.Num.udec(v);
    }

    static Value rlimit(Bytes b) {
        return Decode.struct(Decode.field("rlim_cur", rlim(b.s64(0))), Decode.field("rlim_max", rlim(b.s64(8))));
    }

    static Value rlimitAt(Call c, long addr) {
        if (addr == 0 || (c.exited() && c.failed())) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, 16);
        return b == null ? Decode.ptr(addr) : rlimit(b);
    }

    private static final int UTS_FIELD = 65;
    private static final String[] UTS_NAMES = {"sysname", "nodename", "release", "version", "machine", "domainname"};

    /** struct utsname: sysname and nodename, then {@code ...} unless -v. */
    static Value utsname(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        int n = verbose ? UTS_NAMES.length : 2;
        for (int i = 0; i < n; i++) {
            f.add(Decode.field(UTS_NAMES[i], cstringField(b, i * UTS_FIELD, UTS_FIELD)));
        }
        return new Value.Struct(f, !verbose);
    }

    /** A char array field printed up to its NUL (strace's PRINT_FIELD_CSTRING). */
    static Value cstringField(Bytes b, int off, int size) {
        int end = off;
        while (end < off + size && b.b()[end] != 0) {
            end++;
        }
        return new Value.Str(java.util.Arrays.copyOfRange(b.b(), off, end), end == off + size);
    }

    static final int SYSINFO_SIZE = 112;

    static Value sysinfo(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("uptime", Value.Num.dec(b.s64(0))));
        f.add(Decode.field("loads", new Value.Arr(List.of(Value.Num.udec(b.s64(8)), Value.Num.udec(b.s64(16)),
                Value.Num.udec(b.s64(24))), false)));
        String[] names = {"totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap"};
        for (int i = 0; i < names.length; i++) {
            f.add(Decode.field(names[i], Value.Num.udec(b.s64(32 + 8 * i))));
        }
        f.add(Decode.field("procs", Value.Num.udec(b.u16(80))));
        f.add(Decode.field("totalhigh", Value.Num.udec(b.s64(88))));
        f.add(Decode.field("freehigh", Value.Num.udec(b.s64(96))));
        f.add(Decode.field("mem_unit", Value.Num.udec(b.u32(104))));
        return new Value.Struct(f, false);
    }

    static Value tms(Bytes b) {
        return Decode.struct(Decode.field("tms_utime", Value.Num.udec(b.s64(0))),
                Decode.field("tms_stime", Value.Num.udec(b.s64(8))),
                Decode.field("tms_cutime", Value.Num.udec(b.s64(16))),
                Decode.field("tms_cstime", Value.Num.udec(b.s64(24))));
    }

    /** A CPU set: the numbers of the set bits, space separated ({@code [0 1]}). */
    static Value cpuSet(Bytes b) {
        List<Value> cpus = new ArrayList<>();
        for (int i = 0; i < b.length() * 8; i++) {
            if ((b.u8(i / 8) & (1 << (i % 8))) != 0) {
                cpus.add(Value.Num.dec(i));
            }
        }
        return new Value.BitSet(cpus, false);
    }
}

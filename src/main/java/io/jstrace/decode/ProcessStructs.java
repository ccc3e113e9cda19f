package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Structs of the process family: rusage, rlimit, utsname, sysinfo, tms, cpu sets. */
final class ProcessStructs {
    private ProcessStructs() {}

    private static final Layout RUSAGE = Layout.of("rusage"), RLIMIT = Layout.of("rlimit"),
            UTSNAME = Layout.of("utsname"), SYSINFO = Layout.of("sysinfo"), TMS = Layout.of("tms");
    private static final List<String> RUSAGE_COUNTERS = List.of("ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
            "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals",
            "ru_nvcsw", "ru_nivcsw");
    private static final List<String> UTS_FIELDS = List.of("sysname", "nodename", "release", "version", "machine",
            "domainname");
    private static final List<String> SYSINFO_FIELDS = List.of("totalram", "freeram", "sharedram", "bufferram",
            "totalswap", "freeswap", "procs", "totalhigh", "freehigh", "mem_unit");
    private static final List<String> TMS_FIELDS = List.of("tms_utime", "tms_stime", "tms_cutime", "tms_cstime");
    /** USER_HZ: clock_t counts in hundredths of a second on Linux. */
    private static final int CLK_TCK = 100;

    /** struct rusage: the two times, then (with -v) the counters, else {@code ...}. */
    static Value rusage(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("ru_utime", TimeDecoder.timeval(b, RUSAGE.field("ru_utime").offset())));
        f.add(Decode.field("ru_stime", TimeDecoder.timeval(b, RUSAGE.field("ru_stime").offset())));
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        for (String name : RUSAGE_COUNTERS) {
            f.add(Decode.field(name, Value.Num.udec(b.u(RUSAGE.field(name)))));
        }
        return new Value.Struct(f, false);
    }

    /** strace's printrusage: the address when unreadable, or at exit when the call failed. */
    static Value rusageAt(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, RUSAGE.size());
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
        return Decode.struct(Decode.field("rlim_cur", rlim(b.u(RLIMIT.field("rlim_cur")))),
                Decode.field("rlim_max", rlim(b.u(RLIMIT.field("rlim_max")))));
    }

    static Value rlimitAt(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, RLIMIT.size());
        return b == null ? Decode.ptr(addr) : rlimit(b);
    }

    /** struct utsname: sysname and nodename, then {@code ...} unless -v. */
    static Value utsname(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        for (String name : verbose ? UTS_FIELDS : UTS_FIELDS.subList(0, 2)) {
            f.add(Decode.field(name, cstringField(b, UTSNAME.field(name))));
        }
        return new Value.Struct(f, !verbose);
    }

    static Value utsnameAt(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, UTSNAME.size());
        return b == null ? Decode.ptr(addr) : utsname(b, c.options.verbose());
    }

    /** A char array field printed up to its NUL (strace's PRINT_FIELD_CSTRING). */
    static Value cstringField(Bytes b, Layout.Field field) {
        int off = field.offset(), end = off;
        while (end < off + field.size() && b.b()[end] != 0) {
            end++;
        }
        return new Value.Str(Arrays.copyOfRange(b.b(), off, end), end == off + field.size());
    }

    static Value sysinfoAt(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, SYSINFO.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("uptime", Value.Num.udec(b.u(SYSINFO.field("uptime")))));
        Bytes loads = b.slice(SYSINFO.field("loads"));
        List<Value> l = new ArrayList<>();
        for (int i = 0; i < loads.length(); i += 8) {
            l.add(Value.Num.udec(loads.s64(i)));
        }
        f.add(Decode.field("loads", new Value.Arr(l, false)));
        for (String name : SYSINFO_FIELDS) {
            f.add(Decode.field(name, Value.Num.udec(b.u(SYSINFO.field(name)))));
        }
        return new Value.Struct(f, false);
    }

    static Value tmsAt(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, TMS.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        boolean raw = c.options.xstyle() == DecodeOptions.Xstyle.RAW;
        List<Value.Field> f = new ArrayList<>();
        for (String name : TMS_FIELDS) {
            f.add(Decode.field(name, clockTicks(b.u(TMS.field(name)), raw)));
        }
        return new Value.Struct(f, false);
    }

    /** strace's print_clock_t: ticks, with seconds in a comment when not zero (none under -X raw). */
    static Value clockTicks(long ticks, boolean raw) {
        Value n = Value.Num.udec(ticks);
        if (ticks == 0 || raw) {
            return n;
        }
        return new Value.Commented(n, String.format("%s.%02d s", Long.toUnsignedString(Long.divideUnsigned(ticks, CLK_TCK)),
                Long.remainderUnsigned(ticks, CLK_TCK)));
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

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct perf_event_attr} as strace's perf.c shows it for perf_event_open and
 * PERF_EVENT_IOC_MODIFY_ATTRIBUTES: read once ({@link #fetch}) as far as its size field says and
 * strace knows (up to sig_data), shown ({@link #show}) with the fields its type, its flags and its
 * size call for; abbreviated (without -v) up to the bit fields, which then show only when set.
 */
public final class PerfAttr {
    private PerfAttr() {}

    private static final Layout L = Layout.of("perf_event_attr");
    private static final Layout.Field TYPE = L.field("type"), SIZE = L.field("size"), CONFIG = L.field("config"),
            SAMPLE_PERIOD = L.field("sample_period"), SAMPLE_TYPE = L.field("sample_type"),
            READ_FORMAT = L.field("read_format"), WAKEUP_EVENTS = L.field("wakeup_events"), BP_TYPE = L.field("bp_type"),
            CONFIG1 = L.field("config1"), CONFIG2 = L.field("config2"), BRANCH_SAMPLE_TYPE = L.field("branch_sample_type"),
            SAMPLE_REGS_USER = L.field("sample_regs_user"), SAMPLE_STACK_USER = L.field("sample_stack_user"),
            CLOCKID = L.field("clockid"), SAMPLE_REGS_INTR = L.field("sample_regs_intr"),
            AUX_WATERMARK = L.field("aux_watermark"), SAMPLE_MAX_STACK = L.field("sample_max_stack"),
            RESERVED_2 = L.field("__reserved_2"), AUX_SAMPLE_SIZE = L.field("aux_sample_size"),
            RESERVED_3 = L.field("__reserved_3"), SIG_DATA = L.field("sig_data");
    /** The bit fields: a u64 after read_format, one bit each but precise_ip's two, then __reserved_1. */
    private static final int BITS_OFFSET = READ_FORMAT.offset() + READ_FORMAT.size();
    private static final List<String> BITS = List.of("disabled", "inherit", "pinned", "exclusive", "exclude_user",
            "exclude_kernel", "exclude_hv", "exclude_idle", "mmap", "comm", "freq", "inherit_stat", "enable_on_exec",
            "task", "watermark", "precise_ip", "mmap_data", "sample_id_all", "exclude_host", "exclude_guest",
            "exclude_callchain_kernel", "exclude_callchain_user", "mmap2", "comm_exec", "use_clockid",
            "context_switch", "write_backward", "namespaces", "ksymbol", "bpf_event", "aux_output", "cgroup",
            "text_poke", "build_id", "inherit_thread", "remove_on_exec", "sigtrap");
    private static final int RESERVED_1_SHIFT = BITS.size() + 1;
    private static final List<String> PRECISE_IP = List.of("arbitrary skid", "constant skid",
            "requested to have 0 skid", "must have 0 skid");
    private static final long TYPE_HARDWARE = 0, TYPE_SOFTWARE = 1, TYPE_TRACEPOINT = 2, TYPE_HW_CACHE = 3,
            TYPE_BREAKPOINT = 5;
    private static final long SAMPLE_BRANCH_STACK_BIT = sampleBit("PERF_SAMPLE_BRANCH_STACK"),
            SAMPLE_STACK_USER_BIT = sampleBit("PERF_SAMPLE_STACK_USER");
    /** The largest valid breakpoint type: any other combination of R/W with X is invalid. */
    private static final long BREAKPOINT_X_RW = 7;
    private static final int SIZE_VER0 = (int) Xlat.of("perf_attr_size").value("PERF_ATTR_SIZE_VER0").orElseThrow();

    /** What {@link #fetch} read: the struct (zero beyond what was read) and how many bytes of it count. */
    public record Fetched(Bytes bytes, int size) {}

    /**
     * The struct at {@code addr} as strace's fetch_perf_event_attr reads it, or the address when
     * it cannot be read or its size is below the first version's.
     */
    public static Object fetch(Call c, long addr) {
        Bytes head = Decode.struct(c, addr, SIZE.offset() + SIZE.size());
        if (head == null) {
            return Decode.ptr(addr);
        }
        long declared = head.u(SIZE);
        int size = declared == 0 ? SIZE_VER0 : (int) Math.min(declared, L.size());
        if (size < SIZE_VER0) {
            return Decode.ptr(addr);
        }
        if (!c.options.verbose()) {
            size = WAKEUP_EVENTS.offset();
        }
        Bytes b = Decode.struct(c, addr, size);
        return b == null ? Decode.ptr(addr) : new Fetched(new Bytes(java.util.Arrays.copyOf(b.b(), L.size())), size);
    }

    /**
     * The struct {@link #fetch} read; {@code sizeNow} what its size field holds after a call that
     * may change it ({@code size=A => B}; {@link Value#UNAVAILABLE} if unreadable), else null.
     */
    public static Value show(Call c, Fetched f, Value sizeNow) {
        Bytes b = f.bytes();
        int size = f.size();
        long type = b.u(TYPE), bits = b.s64(BITS_OFFSET), sampleType = b.u(SAMPLE_TYPE);
        List<Value.Field> out = new ArrayList<>();
        out.add(Decode.field("type", Decode.sym("perf_type_id", type, Value.Radix.HEX, "PERF_TYPE_???")));
        Value sz = attrSize(b.u(SIZE));
        out.add(Decode.field("size", sizeNow == null ? sz : new Value.Changed(sz, sizeNow)));
        out.add(Decode.field("config", config(type, b.u(CONFIG))));
        out.add(Decode.field(bit(bits, "freq") != 0 ? "sample_freq" : "sample_period", Value.Num.udec(b.u(SAMPLE_PERIOD))));
        out.add(Decode.field("sample_type", Decode.flags("perf_event_sample_format", sampleType, "PERF_SAMPLE_???")));
        out.add(Decode.field("read_format", Decode.flags("perf_event_read_format", b.u(READ_FORMAT), "PERF_FORMAT_???")));
        boolean abbrev = !c.options.verbose();
        for (String name : BITS) {
            long v = bit(bits, name);
            if (name.equals("precise_ip")) {
                out.add(Decode.field(name, new Value.Commented(Value.Num.udec(v), PRECISE_IP.get((int) v))));
            } else if (!abbrev || v != 0) {
                out.add(Decode.field(name, Value.Num.udec(v)));
            }
        }
        if (bits >>> RESERVED_1_SHIFT != 0) {
            out.add(Decode.field("__reserved_1", new Value.Commented(Value.Num.hex(bits >>> RESERVED_1_SHIFT), "Bits 63..38")));
        }
        if (!abbrev) {
            tail(b, size, type, bits, sampleType, out);
        }
        long declared = b.u(SIZE);
        boolean more = declared != 0 ? declared > size : size < SIZE_VER0;
        return new Value.Struct(out, more);
    }

    /** The fields after the bit fields, as far as {@code size} reaches (strace's STRACE_PERF_CHECK_FIELD). */
    private static void tail(Bytes b, int size, long type, long bits, long sampleType, List<Value.Field> out) {
        boolean breakpoint = type == TYPE_BREAKPOINT;
        out.add(Decode.field(bit(bits, "watermark") != 0 ? "wakeup_watermark" : "wakeup_events",
                Value.Num.udec(b.u(WAKEUP_EVENTS))));
        if (breakpoint) {
            long bp = b.u(BP_TYPE);
            out.add(Decode.field("bp_type", Decode.sym("hw_breakpoint_type", bp, Value.Radix.HEX,
                    bp <= BREAKPOINT_X_RW ? "HW_BREAKPOINT_INVALID" : "HW_BREAKPOINT_???")));
        }
        out.add(Decode.field(breakpoint ? "bp_addr" : "config1", Value.Num.hex(b.u(CONFIG1))));
        if (CONFIG2.offset() >= size) {
            return;
        }
        out.add(Decode.field(breakpoint ? "bp_len" : "config2",
                breakpoint ? Value.Num.udec(b.u(CONFIG2)) : Value.Num.hex(b.u(CONFIG2))));
        if (BRANCH_SAMPLE_TYPE.offset() >= size) {
            return;
        }
        if ((sampleType & SAMPLE_BRANCH_STACK_BIT) != 0) {
            out.add(Decode.field("branch_sample_type",
                    Decode.flags("perf_branch_sample_type", b.u(BRANCH_SAMPLE_TYPE), "PERF_SAMPLE_BRANCH_???")));
        }
        if (SAMPLE_REGS_USER.offset() >= size) {
            return;
        }
        out.add(Decode.field("sample_regs_user", Value.Num.hex(b.u(SAMPLE_REGS_USER))));
        if (SAMPLE_STACK_USER.offset() >= size) {
            return;
        }
        if ((sampleType & SAMPLE_STACK_USER_BIT) != 0) {
            out.add(Decode.field("sample_stack_user", Value.Num.hex(b.u(SAMPLE_STACK_USER))));
        }
        if (bit(bits, "use_clockid") != 0) {
            if (CLOCKID.offset() >= size) {
                return;
            }
            out.add(Decode.field("clockid", Decode.sym("clockids", b.u(CLOCKID), Value.Radix.HEX, "CLOCK_???")));
        }
        if (SAMPLE_REGS_INTR.offset() >= size) {
            return;
        }
        out.add(Decode.field("sample_regs_intr", Value.Num.hex(b.u(SAMPLE_REGS_INTR))));
        if (AUX_WATERMARK.offset() >= size) {
            return;
        }
        out.add(Decode.field("aux_watermark", Value.Num.udec(b.u(AUX_WATERMARK))));
        if (SAMPLE_MAX_STACK.offset() >= size) {
            return;
        }
        out.add(withReserved(b, size, "sample_max_stack", SAMPLE_MAX_STACK, RESERVED_2));
        if (AUX_SAMPLE_SIZE.offset() >= size) {
            return;
        }
        out.add(withReserved(b, size, "aux_sample_size", AUX_SAMPLE_SIZE, RESERVED_3));
        if (SIG_DATA.offset() >= size) {
            return;
        }
        out.add(Decode.field("sig_data", Value.Num.hex(b.u(SIG_DATA))));
    }

    /** A field followed by the reserved bytes after it in a comment, when they are within {@code size} and not zero. */
    private static Value.Field withReserved(Bytes b, int size, String name, Layout.Field f, Layout.Field reserved) {
        Value v = Value.Num.udec(b.u(f));
        long r = b.u(reserved);
        if (reserved.offset() < size && r != 0) {
            v = new Value.Commented(v, "bytes " + reserved.offset() + ".." + (reserved.offset() + reserved.size() - 1)
                    + ": 0x" + Long.toHexString(r));
        }
        return Decode.field(name, v);
    }

    private static Value attrSize(long size) {
        return Decode.sym("perf_attr_size", size, Value.Radix.HEX, "PERF_ATTR_SIZE_???");
    }

    /** The size field as it is now at {@code addr} (after E2BIG the kernel wrote its own), or ??? when unreadable. */
    public static Value sizeNow(Call c, long addr) {
        byte[] now = c.memory.readFully(c.tid, addr + SIZE.offset(), SIZE.size());
        return now == null ? Value.UNAVAILABLE : attrSize(new Bytes(now).u32(0));
    }

    /** config by type: an event id (with the PMU type in bits 32..63), a cache event's three ids, or a number. */
    private static Value config(long type, long config) {
        if (type == TYPE_HARDWARE) {
            return withHigh(config >>> 32, 32, Decode.sym("perf_hw_id", config & 0xffffffffL, Value.Radix.HEX, "PERF_COUNT_HW_???"));
        }
        if (type == TYPE_SOFTWARE) {
            return Decode.sym("perf_sw_ids", config, Value.Radix.HEX, "PERF_COUNT_SW_???");
        }
        if (type == TYPE_TRACEPOINT) {
            return Value.Num.udec(config);
        }
        if (type != TYPE_HW_CACHE) {
            return Value.Num.hex(config);
        }
        List<Value> parts = new ArrayList<>();
        if (config >>> 32 != 0) {
            parts.add(shift(config >>> 32, 32));
        }
        if ((config & 0xffffffffL) >>> 24 != 0) {
            parts.add(shift((config & 0xffffffffL) >>> 24, 24));
        }
        parts.add(new Value.Shift(Decode.sym("perf_hw_cache_op_result_id", (config >>> 16) & 0xff, Value.Radix.HEX,
                "PERF_COUNT_HW_CACHE_RESULT_???"), Value.Num.udec(16)));
        parts.add(new Value.Shift(Decode.sym("perf_hw_cache_op_id", (config >>> 8) & 0xff, Value.Radix.HEX,
                "PERF_COUNT_HW_CACHE_OP_???"), Value.Num.udec(8)));
        parts.add(Decode.sym("perf_hw_cache_id", config & 0xff, Value.Radix.HEX, "PERF_COUNT_HW_CACHE_???"));
        return new Value.Or(parts);
    }

    private static Value withHigh(long high, int by, Value low) {
        return high == 0 ? low : new Value.Or(shift(high, by), low);
    }

    private static Value shift(long v, int by) {
        return new Value.Shift(Value.Num.hex(v), Value.Num.udec(by));
    }

    private static long sampleBit(String name) {
        return Xlat.of("perf_event_sample_format").value(name).orElseThrow();
    }

    /** The bit field {@code name} of the flags word (precise_ip two bits wide, the bits after it one place up). */
    private static long bit(long bits, String name) {
        int i = BITS.indexOf(name), precise = BITS.indexOf("precise_ip");
        return i == precise ? (bits >>> i) & 3 : (bits >>> (i > precise ? i + 1 : i)) & 1;
    }
}

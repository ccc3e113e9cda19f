package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/** Kinds for the memory family: protections, mmap flags, mremap's optional address. */
final class MemoryKinds implements KindFamily {
    private static final long MAP_TYPE = 0xf;
    private static final int MAP_HUGE_SHIFT = 26;
    private static final long MAP_HUGE_MASK = 0x3fL << MAP_HUGE_SHIFT;
    private static final long MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;

    @Override
    public void register(Kinds k) {
        k.arg("mem_prot", (c, i) -> flagsOrZero("mmap_prot", c.arg(i)));
        k.arg("mem_mmap_flags", (c, i) -> mmapFlags(c.arg(i) & 0xffffffffL));
        // mremap's new_address is printed only when the flags say it is used.
        k.arg("mem_mremap_addr", (c, i) -> (c.arg(3) & (MREMAP_MAYMOVE | MREMAP_FIXED)) == (MREMAP_MAYMOVE | MREMAP_FIXED)
                ? Decode.ptr(c.arg(i)) : null);
        k.arg("mem_madvise_advice", (c, i) -> Decode.sym("madvise_cmds", c.intArg(i), Value.Radix.HEX, "MADV_???"));
        k.arg("mem_memfd_flags", (c, i) -> hugeFlags("memfd_create_flags", c.arg(i) & 0xffffffffL, "MFD_HUGE_SHIFT"));
        // The mempolicy calls: a mode (with mode flags), a node bitmap whose size in bits follows it.
        k.arg("mem_mpol_mode", (c, i) -> mpolMode(c.arg(i) & 0xffffffffL));
        k.arg("mem_mpol_mode_out", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), 4);
            return b == null ? Decode.ptr(c.arg(i)) : new Value.Arr(List.of(mpolMode(b.u32(0))), false);
        }));
        k.arg("mem_nodemask", (c, i) -> nodemask(c, c.arg(i), c.arg(i + 1)));
        k.arg("mem_nodemask_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i))
                : nodemask(c, c.arg(i), c.arg(i + 1))));
    }

    private static final long MPOL_MODE_FLAGS = 0xe000;

    /** strace's print_mode: the mode's name, then any mode flags or'ed into it. */
    static Value mpolMode(long mode) {
        long flags = mode & MPOL_MODE_FLAGS;
        if (flags == 0) {
            return Decode.sym("mpol_modes", mode, Value.Radix.HEX, "MPOL_???");
        }
        String name = Xlat.of("mpol_modes").name(mode & ~MPOL_MODE_FLAGS);
        if (name == null) {
            return Decode.flags("mpol_mode_flags", mode);
        }
        List<String> names = new ArrayList<>();
        names.add(name);
        Xlat.Flags f = Xlat.of("mpol_mode_flags").flags(flags);
        names.addAll(f.names());
        return new Value.Flags(names, f.rest(), Value.Radix.HEX, mode);
    }

    /** strace's get_nodes: {@code maxnode - 1} bits as 64-bit words; the address when unreadable. */
    static Value nodemask(Call c, long addr, long maxnode) {
        long words = Long.divideUnsigned(maxnode + 62, 64);
        if (addr == 0 || words == 0) {
            return Decode.ptr(addr);
        }
        int shown = (int) Math.min(words, c.options.verbose() ? 1 << 16 : c.options.stringLimit());
        Bytes b = Decode.struct(c, addr, shown * 8);
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value> items = new ArrayList<>(shown);
        for (int w = 0; w < shown; w++) {
            items.add(new Value.Num(b.s64(w * 8), Value.Radix.WORD));
        }
        return new Value.Arr(items, shown < words);
    }

    /** printflags: a zero value prints the table's zero-valued name when it has one (PROT_NONE). */
    static Value flagsOrZero(String table, long v) {
        if (v == 0) {
            String zero = Xlat.of(table).name(0);
            if (zero != null) {
                return new Value.Sym(zero, 0);
            }
        }
        return Decode.flags(table, v);
    }

    /** The MAP_TYPE bits as an enumeration, then the flag bits, then the huge page size. */
    static Value mmapFlags(long v) {
        long type = v & MAP_TYPE;
        String t = Xlat.of("mmap_flags").name(type);
        long others = v & ~MAP_TYPE & ~MAP_HUGE_MASK;
        Xlat.Flags f = Xlat.of("mmap_flags").flags(others);
        long huge = (v & MAP_HUGE_MASK) >>> MAP_HUGE_SHIFT;
        if (t != null && huge == 0) {
            // One value, so -X raw/verbose print the whole word as strace does.
            List<String> names = new ArrayList<>();
            names.add(t);
            names.addAll(f.names());
            return new Value.Flags(names, f.rest(), Value.Radix.HEX, v);
        }
        Value out = t != null ? new Value.Sym(t, type) : new Value.Commented(Value.Num.hex(type), "MAP_???");
        if (others != 0) {
            out = new Value.Or(out, new Value.Flags(f.names(), f.rest(), Value.Radix.HEX, others));
        }
        if (huge != 0) {
            out = new Value.Or(out, new Value.Shift(Value.Num.udec(huge), new Value.Sym("MAP_HUGE_SHIFT", MAP_HUGE_SHIFT)));
        }
        return out;
    }

    /** Flags whose bits 26..31 hold a huge page size, printed as {@code N<<SHIFT_NAME}. */
    static Value hugeFlags(String table, long v, String shiftName) {
        long huge = (v & MAP_HUGE_MASK) >>> MAP_HUGE_SHIFT;
        long low = v & ~MAP_HUGE_MASK;
        if (huge == 0) {
            return Decode.flags(table, low);
        }
        Value shift = new Value.Shift(Value.Num.udec(huge), new Value.Sym(shiftName, MAP_HUGE_SHIFT));
        return low == 0 ? shift : new Value.Or(Decode.flags(table, low), shift);
    }
}

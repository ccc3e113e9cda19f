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
            out = new Value.Op(out, "|", new Value.Flags(f.names(), f.rest(), Value.Radix.HEX, others));
        }
        if (huge != 0) {
            out = new Value.Op(out, "|", new Value.Op(Value.Num.udec(huge), "<<", new Value.Sym("MAP_HUGE_SHIFT", MAP_HUGE_SHIFT)));
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
        Value shift = new Value.Op(Value.Num.udec(huge), "<<", new Value.Sym(shiftName, MAP_HUGE_SHIFT));
        return low == 0 ? shift : new Value.Op(Decode.flags(table, low), "|", shift);
    }
}

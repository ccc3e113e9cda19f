package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/**
 * Kinds for the memory family as strace 6.1's mem.c prints them: protections, mmap flags,
 * mremap's optional address, mincore's vector, protection keys; the NUMA calls are {@link MemoryNuma}'s.
 */
final class MemoryKinds implements KindFamily {
    private static final long MAP_TYPE = 0xf;
    private static final int MAP_HUGE_SHIFT = 26;
    private static final long MAP_HUGE_MASK = 0x3fL << MAP_HUGE_SHIFT;
    private static final long MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
    /** The page size mincore's vector counts in; x86_64 has one. */
    private static final long PAGE_SIZE = 4096;

    @Override
    public void register(Kinds k) {
        k.arg("mem_prot", (c, i) -> Decode.flags("mmap_prot", c.arg(i), "PROT_???"));
        k.arg("mem_mmap_flags", (c, i) -> mmapFlags(c.arg(i)));
        // mremap's new_address is printed only when the flags say it is used.
        k.arg("mem_mremap_addr", (c, i) -> (c.arg(3) & (MREMAP_MAYMOVE | MREMAP_FIXED)) == (MREMAP_MAYMOVE | MREMAP_FIXED)
                ? Decode.ptr(c.arg(i)) : null);
        k.arg("mem_madvise_advice", (c, i) -> Decode.sym("madvise_cmds", c.intArg(i), Value.Radix.HEX, "MADV_???"));
        // One byte per page of the range, of which strace shows the lowest bit.
        k.arg("mem_mincore_vec", ArgKind.atExit((c, i) -> {
            long len = c.arg(1);
            long pages = Long.divideUnsigned(len, PAGE_SIZE) + (len % PAGE_SIZE != 0 ? 1 : 0);
            return IoArrays.arrayUnlessFailed(c, c.arg(i), pages, 1, b -> Value.Num.udec(b.u8(0) & 1));
        }));
        MemoryNuma.register(k);
    }

    /** The MAP_TYPE bits as an enumeration, then the flag bits, then the huge page size; -X raw shows the whole word. */
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
        // The word in hex under -X raw, and with -X verbose followed by the parts as the default
        // prints them, an unknown type's own comment included: the names are plain names.
        List<Value> parts = new ArrayList<>();
        parts.add(t != null ? new Value.Name(t) : new Value.Unknown(type, Value.Radix.HEX, "MAP_???"));
        f.names().forEach(n -> parts.add(new Value.Name(n)));
        if (f.rest() != 0) {
            parts.add(Value.Num.hex(f.rest()));
        }
        if (huge != 0) {
            parts.add(new Value.Shift(Value.Num.udec(huge), new Value.Name("MAP_HUGE_SHIFT")));
        }
        return new Value.Decoded(v, Value.Radix.HEX, new Value.Or(parts), false);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/**
 * The NUMA calls as strace 6.1's numa.c prints them: policy modes with their mode flags, node
 * bitmaps as arrays of words, move_pages' page, node and status arrays.
 */
final class MemoryNuma {
    private MemoryNuma() {}

    private static final long MPOL_MODE_FLAGS = 0xe000;
    private static final int WORD = 8;

    static void register(Kinds k) {
        // set_mempolicy's mode is an int, mbind's a long.
        k.arg("mem_mpol_mode", (c, i) -> mpolMode(c.arg(i) & 0xffffffffL));
        k.arg("mem_mpol_mode64", (c, i) -> mpolMode(c.arg(i)));
        k.arg("mem_mpol_mode_out", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), 4);
            return b == null ? Decode.ptr(c.arg(i))
                    : new Value.Arr(List.of(Decode.sym("mpol_modes", b.u32(0), Value.Radix.HEX, "MPOL_???")), false);
        }));
        // A node bitmap whose size in bits is argument N.
        k.argWithParam("mem_nodemask", p -> {
            int n = Integer.parseInt(p);
            return (c, i) -> nodemask(c, c.arg(i), c.arg(n));
        });
        k.argWithParam("mem_nodemask_out", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.atExit((c, i) -> nodemask(c, c.arg(i), c.arg(n)));
        });
        // move_pages: as many pages, nodes and statuses as its count says.
        k.arg("mem_pages", (c, i) -> IoArrays.array(c, c.arg(i), c.arg(1), WORD, b -> Decode.ptr(b.s64(0))));
        k.arg("mem_page_nodes", (c, i) -> IoArrays.array(c, c.arg(i), c.arg(1), 4, b -> Decode.dec(b.s32(0))));
        k.arg("mem_page_status", ArgKind.atExit((c, i) -> IoArrays.arrayUnlessFailed(c, c.arg(i), c.arg(1), 4,
                b -> status(b.s32(0)))));
    }

    /** strace's print_mode: the mode's name, then any mode flags or'ed into it. */
    static Value mpolMode(long mode) {
        long flags = mode & MPOL_MODE_FLAGS;
        if (flags == 0) {
            return Decode.sym("mpol_modes", mode, Value.Radix.HEX, "MPOL_???");
        }
        String name = Xlat.of("mpol_modes").name(mode & ~MPOL_MODE_FLAGS);
        if (name == null) {
            return Decode.flags("mpol_mode_flags", mode, "MPOL_???");
        }
        List<String> names = new ArrayList<>();
        names.add(name);
        Xlat.Flags f = Xlat.of("mpol_mode_flags").flags(flags);
        names.addAll(f.names());
        return new Value.Flags(names, f.rest(), Value.Radix.HEX, mode);
    }

    /**
     * strace's print_nodemask: {@code maxnode - 1} bits as 64-bit words, printed as an array;
     * the address when the word count overflows.
     */
    static Value nodemask(Call c, long addr, long maxnode) {
        long words = Long.divideUnsigned(maxnode + 62, 64);
        if (Long.compareUnsigned(words, Long.divideUnsigned(maxnode, 64)) < 0 || (maxnode != 0 && words == 0)) {
            return Decode.ptr(addr);
        }
        return IoArrays.arrayUnlessFailed(c, addr, words, WORD, b -> new Value.Num(b.s64(0), Value.Radix.WORD));
    }

    /** A page's status: a node number, or an error as {@code -EFAULT}. */
    private static Value status(int s) {
        return Decode.negatedErrno(s);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemoryDecodeTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    private static String text(Value v, DecodeOptions.Xstyle style) {
        return new ValueText(ValueText.Hex.NONE, style).format(v);
    }

    /** Argument {@code i} of {@code c} decoded by the kind {@code spec}, in the -X style {@code style}. */
    private static String decode(String spec, Call c, int i, DecodeOptions.Xstyle style) {
        return text(Kinds.standard().arg(spec).decode(c, i), style);
    }

    private static String decode(String spec, Call c, int i) {
        return decode(spec, c, i, DecodeOptions.Xstyle.ABBREV);
    }

    @Test
    void mmapFlags() {
        assertEquals("MAP_PRIVATE|MAP_ANONYMOUS", text(MemoryKinds.mmapFlags(0x22)));
        assertEquals("MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE", text(MemoryKinds.mmapFlags(0x812)));
        assertEquals("MAP_SHARED", text(MemoryKinds.mmapFlags(1)));
        assertEquals("MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT",
                text(MemoryKinds.mmapFlags(0x40022L | 21L << 26)));
        // An unknown mapping type, and -X raw showing the whole word.
        Value odd = MemoryKinds.mmapFlags(0x5404401fL);
        assertEquals("0xf /* MAP_??? */|MAP_FIXED|MAP_NORESERVE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT", text(odd));
        assertEquals("0x5404401f", text(odd, DecodeOptions.Xstyle.RAW));
        assertEquals("0x5404401f /* 0xf /* MAP_??? */|MAP_FIXED|MAP_NORESERVE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT */",
                text(odd, DecodeOptions.Xstyle.VERBOSE));
    }

    @Test
    void protectionsAndFlagsWithTheirDefaults() {
        FakeMemory m = new FakeMemory();
        assertEquals("PROT_NONE", decode("mem_prot", m.call(0, 0, 0), 2));
        assertEquals("PROT_READ|PROT_WRITE", decode("mem_prot", m.call(0, 0, 3), 2));
        assertEquals("0xdeadfeed00ca7500 /* PROT_??? */", decode("mem_prot", m.call(0, 0, 0xdeadfeed00ca7500L), 2));
        assertEquals("MLOCK_ONFAULT|0xfffffffe", decode("flags32:mlock_flags:MLOCK_???", m.call(-1), 0));
        assertEquals("0x2 /* MLOCK_??? */", decode("flags32:mlock_flags:MLOCK_???", m.call(2), 0));
        assertEquals("0x2", decode("flags32:mlock_flags:MLOCK_???", m.call(2), 0, DecodeOptions.Xstyle.RAW));
    }

    @Test
    void policyModes() {
        assertEquals("MPOL_BIND|MPOL_F_STATIC_NODES", text(MemoryNuma.mpolMode(2 | 0x8000)));
        assertEquals("0x6 /* MPOL_??? */", text(MemoryNuma.mpolMode(6)));
        assertEquals("MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|0xffff1fff",
                text(MemoryNuma.mpolMode(0xffffffffL)));
        assertEquals("0x8002", text(MemoryNuma.mpolMode(2 | 0x8000), DecodeOptions.Xstyle.RAW));
    }

    @Test
    void nodemasksAsArraysOfWords() {
        FakeMemory m = new FakeMemory();
        ByteBuffer one = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 5);
        long end = m.place(one.array());
        assertEquals("[0x00000000000005]", text(MemoryNuma.nodemask(m.call(), end, 65)));
        assertEquals("[0x00000000000005, ... /* 0x" + Long.toHexString(end + 8) + " */]",
                text(MemoryNuma.nodemask(m.call(), end, 66)));
        assertEquals("[]", text(MemoryNuma.nodemask(m.call(), end, 0)));
        // A single bit (none after the one strace drops) is no word: the address.
        assertEquals("0x" + Long.toHexString(end), text(MemoryNuma.nodemask(m.call(), end, 1)));
        assertEquals("NULL", text(MemoryNuma.nodemask(m.call(), 0, 66)));
        // A bit count whose word count overflows: the address.
        assertEquals("0x" + Long.toHexString(end), text(MemoryNuma.nodemask(m.call(), end, -1)));
    }

    @Test
    void mincoreShowsALowBitPerPage() {
        FakeMemory m = new FakeMemory();
        long vec = m.place(new byte[] {1, 3, 2});
        Call c = m.call(0x10000, 8193, vec);
        c.exit(0, false);
        assertEquals("[1, 1, 0]", decode("mem_mincore_vec", c, 2));
        Call failed = m.call(0x10000, 8193, vec);
        failed.exit(-14, true);
        assertEquals("0x" + Long.toHexString(vec), decode("mem_mincore_vec", failed, 2));
    }
}

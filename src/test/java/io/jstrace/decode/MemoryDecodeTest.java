package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemoryDecodeTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    @Test
    void mmapFlags() {
        assertEquals("MAP_PRIVATE|MAP_ANONYMOUS", text(MemoryKinds.mmapFlags(0x22)));
        assertEquals("MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE", text(MemoryKinds.mmapFlags(0x812)));
        assertEquals("MAP_SHARED", text(MemoryKinds.mmapFlags(1)));
        assertEquals("MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT",
                text(MemoryKinds.mmapFlags(0x40022L | 21L << 26)));
    }

    @Test
    void protections() {
        assertEquals("PROT_NONE", text(MemoryKinds.flagsOrZero("mmap_prot", 0)));
        assertEquals("PROT_READ|PROT_WRITE", text(MemoryKinds.flagsOrZero("mmap_prot", 3)));
    }
}

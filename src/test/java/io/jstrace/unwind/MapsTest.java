package io.jstrace.unwind;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /proc/PID/maps as strace's mmap cache keeps it. */
class MapsTest {
    private static final String MAPS = """
            555555554000-555555556000 r--p 00000000 08:01 1835033                    /usr/bin/cat
            555555556000-55555555b000 r-xp 00002000 08:01 1835033                    /usr/bin/cat
            55555555e000-55555557f000 rw-p 00000000 00:00 0                          [heap]
            7ffff7dd0000-7ffff7dd3000 rw-p 00000000 00:00 0\s
            7ffff7df6000-7ffff7f4b000 r-xp 00026000 08:01 1837422                    /usr/lib/x86_64-linux-gnu/libc.so.6
            7ffff7fc5000-7ffff7fc7000 r-xp 00000000 00:00 0                          [vdso]
            7ffff7fc9000-7ffff7fca000 r--p 00000000 08:01 1837400                    /tmp/a file (deleted)
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            """;

    @Test
    void namedMappingsOnly() {
        Maps m = Maps.parse(MAPS);
        assertNull(m.find(0x7ffff7dd1000L), "anonymous mappings are left out");
        Maps.Mapping cat = m.find(0x555555557123L);
        assertNotNull(cat);
        assertEquals("/usr/bin/cat", cat.path());
        assertEquals(0x2000, cat.offset());
        assertEquals(1835033, cat.inode());
        assertTrue(cat.executable());
        assertFalse(m.find(0x555555554000L).executable());
        assertNull(m.find(0x55555555b000L), "end is exclusive");
        assertEquals("[heap]", m.find(0x55555555e000L).path());
        assertEquals("[vdso]", m.find(0x7ffff7fc5008L).path());
        assertEquals("/tmp/a file (deleted)", m.find(0x7ffff7fc9000L).path());
        assertEquals("[vsyscall]", m.find(0xffffffffff600400L).path());
    }

    @Test
    void ownProcess() {
        Maps m = Maps.read((int) ProcessHandle.current().pid());
        assertNotNull(m);
        assertNull(Maps.read(Integer.MAX_VALUE));
    }
}

package io.jstrace.xlat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class XlatTest {

    @Test
    void openFlagsDecomposeLikeStrace() {
        long flags = 01 | 0100 | 01000 | 02000000; // O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC
        assertEquals("O_WRONLY", Xlat.of("open_access_modes").name(flags & 3));
        Xlat.Flags f = Xlat.of("open_mode_flags").flags(flags & ~3L);
        assertEquals(List.of("O_CREAT", "O_TRUNC", "O_CLOEXEC"), f.names());
        assertEquals(0, f.rest());
    }

    @Test
    void compositeOpenFlagsWinOverTheirParts() {
        Xlat open = Xlat.of("open_mode_flags");
        assertEquals(List.of("O_SYNC"), open.flags(04010000).names());
        assertEquals(List.of("O_DSYNC"), open.flags(010000).names());
        assertEquals(List.of("O_TMPFILE"), open.flags(020200000).names());
        assertEquals(List.of("O_DIRECTORY"), open.flags(0200000).names());
        assertEquals(List.of("O_LARGEFILE"), open.flags(0100000).names());
    }

    @Test
    void restKeepsUnknownBits() {
        Xlat.Flags f = Xlat.of("sa_flags").flags(0x04000000L | 0x10000000L | 0x400L);
        assertEquals(List.of("SA_RESTORER", "SA_RESTART"), f.names());
        assertEquals(0x400, f.rest());

        Xlat.Flags none = Xlat.of("mmap_prot").flags(0);
        assertEquals(List.of(), none.names());
        assertEquals(0, none.rest());
        assertEquals("PROT_NONE", Xlat.of("mmap_prot").name(0));
    }

    @Test
    void errnoNamesAndDescriptions() {
        Xlat errno = Xlat.of("errno");
        assertEquals("ENOENT", errno.name(2));
        assertEquals("No such file or directory", errno.description(2));
        assertEquals(OptionalLong.of(2), errno.value("ENOENT"));
        // Aliases resolve by name, but the value maps to the name strace prints.
        assertEquals("EAGAIN", errno.name(11));
        assertEquals(OptionalLong.of(11), errno.value("EWOULDBLOCK"));
        assertEquals("EOPNOTSUPP", errno.name(95));
        assertEquals("To be restarted if SA_RESTART is set", errno.description(512));
        assertEquals("ERESTART_RESTARTBLOCK", errno.name(516));
        assertNull(errno.name(519));
        assertNull(errno.description(100000));
        assertTrue(errno.value("NOSUCH").isEmpty());
    }

    @Test
    void signalsPreferStraceNames() {
        Xlat sig = Xlat.of("signals");
        assertEquals("SIGABRT", sig.name(6));
        assertEquals("SIGIO", sig.name(29));
        assertEquals("SIGCHLD", sig.name(17));
        assertEquals(OptionalLong.of(6), sig.value("SIGIOT"));
        assertNull(sig.description(6));
    }

    @Test
    void negativeAndWholeValueLookups() {
        assertEquals("SI_TKILL", Xlat.of("si_codes").name(-6));
        assertEquals("SI_KERNEL", Xlat.of("si_codes").name(0x80));
        assertEquals("FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME", Xlat.of("futexops").name(393));
        assertEquals("WSTOPPED", Xlat.of("wait4_options").name(2));
        assertEquals(OptionalLong.of(0xffffffffL), Xlat.of("futexbitset").value("FUTEX_BITSET_MATCH_ANY"));
    }

    @Test
    void entriesKeepFileOrderIncludingDuplicates() {
        List<String> tcsets = Xlat.of("ioctl_requests").entries().stream()
                .filter(e -> e.value() == 0x5402)
                .map(Xlat.Entry::name)
                .toList();
        assertEquals(List.of("SNDCTL_TMR_START", "TCSETS"), tcsets);
        List<Xlat.Entry> entries = Xlat.of("access_modes").entries();
        assertEquals(List.of("F_OK", "R_OK", "W_OK", "X_OK"),
                entries.stream().map(Xlat.Entry::name).toList());
        assertThrows(UnsupportedOperationException.class, () -> entries.add(entries.get(0)));
    }

    @Test
    void tablesAreCachedAndUnknownOnesRejected() {
        assertSame(Xlat.of("errno"), Xlat.of("errno"));
        assertThrows(IllegalStateException.class, () -> Xlat.of("no_such_table"));
        assertThrows(IllegalArgumentException.class, () -> Xlat.of("../xlat/errno"));
        assertThrows(IllegalArgumentException.class, () -> Xlat.of(""));
    }
}

package io.jstrace.trace;

import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -e trace= and -e signal= as strace 6.1 reads them (each case checked against /usr/bin/strace). */
class TraceExprTest {
    private static final SyscallTable T = SyscallTable.x86_64();

    private static TraceExpr.SyscallSet set(String spec) {
        return TraceExpr.syscalls(spec, T);
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> set(spec)).getMessage();
    }

    private static boolean has(TraceExpr.SyscallSet s, String name) {
        return s.test(T.byName(name));
    }

    @Test
    void aRegexMayAddNothingNew() {
        TraceExpr.SyscallSet s = set("%file,/^stat,connect");
        assertTrue(has(s, "openat") && has(s, "statfs") && has(s, "connect"));
        assertFalse(has(s, "read"));
        assertTrue(has(set("all,/^o"), "read"));
    }

    @Test
    void numbersOfAnyPersonality() {
        assertTrue(has(set("59"), "execve"));
        assertFalse(has(set("335"), "read"), "i386's 335 is valid and traces nothing here");
        assertTrue(set("512").numbers().isEmpty(), "x32's rt_sigaction");
        assertTrue(set("1073741824").numbers().isEmpty(), "x32's read, with the x32 bit");
        for (String bad : new String[] {"451", "500", "548", "2147483647", "2147483648", "1x"}) {
            assertEquals("invalid system call '" + bad + "'", error(bad));
        }
        assertEquals("invalid system call '+1'", error("+1"));
    }

    @Test
    void namesOfAnyPersonality() {
        for (String name : new String[] {"mmap2", "_llseek", "socketcall", "send", "recv", "execveat#64", "?mmap2"}) {
            assertTrue(set(name).numbers().isEmpty(), name + " is valid and traces nothing in a 64-bit process");
        }
        assertTrue(has(set("read@64"), "read"));
        assertTrue(set("read@32").numbers().isEmpty());
        assertEquals("invalid system call 'mmap2@64'", error("mmap2@64"));
        assertTrue(set("mmap2@32").numbers().isEmpty());
    }

    @Test
    void designatorsAndOptionalItems() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set("?read@99"));
        assertInstanceOf(TraceExpr.BadDesignator.class, e);
        assertEquals("incorrect personality designator '99' in qualification 'read@99'", e.getMessage());
        assertTrue(set("?nosuch,?/zzz,read").numbers().cardinality() == 1);
        assertEquals("invalid system call 'nosuch'", error("read,nosuch"));
    }

    @Test
    void classesTakeTheirCase() {
        assertTrue(has(set("%file"), "openat"));
        assertTrue(has(set("file"), "openat"));
        assertTrue(has(set("%%stat"), "newfstatat"));
        assertTrue(has(set("%creds"), "setuid"));
        assertTrue(has(set("%clock"), "clock_gettime"));
        assertTrue(has(set("%pure"), "getpid"));
        assertTrue(has(set("read,all"), "write"));
        for (String bad : new String[] {"%FILE", "File", "ALL", "net", "creds", "%nosuch"}) {
            assertEquals("invalid system call '" + bad + "'", error(bad));
        }
    }

    @Test
    void wholeSetsAndInversion() {
        assertTrue(has(set("all"), "read"));
        assertFalse(has(set("none"), "read"));
        assertTrue(has(set("!none"), "read"));
        assertFalse(has(set("!read"), "read"));
        assertTrue(has(set("!!read"), "read"));
        assertEquals("invalid system call ''", error(""));
        assertEquals("invalid system call '!,'", error("!,"));
        assertEquals("invalid system call 'none'", error("read,none"));
        assertEquals("regcomp: (: Unmatched ( or \\(", error("/("));
        assertEquals("invalid system call '/zzz'", error("/zzz"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HUP", "SIGHUP", "sighup", "9", "0", "99", "255", "RTMIN", "RT_1", "SIGRT_32", "rt_3"})
    void signalsStraceTakes(String sig) {
        TraceExpr.signals(sig);
    }

    @Test
    void signalSets() {
        IntPredicate p = TraceExpr.signals("!HUP,9");
        assertFalse(p.test(1) || p.test(9));
        assertTrue(p.test(2));
        assertEquals(34, TraceExpr.signal("RT_2"));
        assertEquals(32, TraceExpr.signal("RTMIN"));
        for (String bad : new String[] {"256", "RTMAX", "FOO", "SIG", " 9", "IOT", "all"}) {
            assertEquals("invalid signal '" + bad + "'",
                    assertThrows(IllegalArgumentException.class, () -> TraceExpr.signals("HUP," + bad)).getMessage());
        }
    }
}

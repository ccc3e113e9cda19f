package io.jstrace.cli;

import io.jstrace.output.TextOptions.Stamp;
import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing of -P, -i, -e quiet=/read=/write=/abbrev=/verbose=/raw=, --timestamps=, --syscall-limit. */
class FilterOptionsTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();

    private static Options parse(String... a) throws UsageError {
        return (Options) CommandLine.parse(List.of(a));
    }

    private static String error(String... a) {
        return assertThrows(UsageError.class, () -> parse(a)).getMessage();
    }

    @Test
    void quietSets() throws UsageError {
        assertEquals(Set.of(), parse("true").quiet());
        assertEquals(EnumSet.of(Options.Quiet.ATTACH, Options.Quiet.PERSONALITY), parse("-q", "true").quiet());
        assertEquals(EnumSet.allOf(Options.Quiet.class), parse("-qqq", "true").quiet());
        assertEquals(EnumSet.of(Options.Quiet.ATTACH, Options.Quiet.PERSONALITY), parse("--quiet", "true").quiet());
        assertEquals(EnumSet.complementOf(EnumSet.of(Options.Quiet.EXIT)), parse("-e", "quiet=!exits", "true").quiet());
        assertEquals(EnumSet.of(Options.Quiet.THREAD_EXECVE), parse("-e", "quiet=!!superseded", "true").quiet());
        assertEquals(EnumSet.of(Options.Quiet.PATH_RESOLUTION), parse("--silent=Path-Resolution,", "true").quiet());
        // With -o FILE and a command strace is quiet about attaching unless told otherwise.
        assertEquals(EnumSet.of(Options.Quiet.ATTACH, Options.Quiet.PERSONALITY), parse("-o", "f", "true").quiet());
        assertEquals(Set.of(), parse("-o", "f", "-e", "quiet=none", "true").quiet());
        assertEquals("invalid quiet 'all'", error("-e", "quiet=exit,all", "true"));
        assertEquals("invalid quiet '!'", error("-e", "quiet=!", "true"));
        // strace makes this complaint only once the output is open (Main throws it then).
        assertEquals("-q and -e quiet/--quiet cannot be provided simultaneously",
                parse("--quiet=exit", "-q", "true").quietConflict().getMessage());
        assertNull(parse("-o", "f", "--quiet=exit", "true").quietConflict(), "-o's implied -q is no conflict");
    }

    @Test
    void dumpedFds() throws UsageError {
        var q = parse("-e", "read=0,3", "--write=!1", "true").qualifiers();
        assertTrue(q.readFds().test(3) && !q.readFds().test(1));
        assertTrue(q.writeFds().test(2) && !q.writeFds().test(1));
        assertTrue(parse("-e", "r=all", "true").qualifiers().readFds().test(12345));
        assertFalse(parse("-e", "w=!all", "true").qualifiers().writeFds().test(0));
        assertEquals("invalid descriptor '0x10'", error("-e", "read=0x10", "true"));
        assertEquals("invalid descriptor '2147483648'", error("-e", "write=2147483648", "true"));
        assertEquals("invalid descriptor ''", error("-e", "write=", "true"));
    }

    @Test
    void perSyscallDecoding() throws UsageError {
        var execve = TABLE.byName("execve");
        var read = TABLE.byName("read");
        Options o = parse("-v", "-e", "abbrev=execve", "-e", "verbose=!read", "-e", "raw=read", "true");
        assertFalse(o.decode().verbose(), "abbreviated for some calls");
        assertFalse(o.qualifiers().decode(o.decode(), execve).verbose());
        assertTrue(o.qualifiers().decode(o.decode(), read).verbose());
        assertFalse(o.qualifiers().decode(o.decode(), read).structs());
        assertTrue(o.qualifiers().decode(o.decode(), execve).structs());
        assertTrue(o.qualifiers().raw(read) && !o.qualifiers().raw(execve));
        // Command-line order: a later -v undoes an earlier abbrev=.
        o = parse("-e", "abbrev=execve", "-v", "true");
        assertTrue(o.decode().verbose());
        assertTrue(o.qualifiers().decode(o.decode(), execve).verbose());
        assertEquals("invalid system call ''", error("-e", "abbrev=", "true"));
        assertEquals("invalid system call 'nosuch'", error("--raw=nosuch", "true"));
    }

    @Test
    void tracePathsAndInstructionPointer() throws UsageError {
        Options o = parse("-P", "/a", "--trace-path=b", "-i", "true");
        assertEquals(List.of("/a", "b"), o.tracePaths());
        assertTrue(o.instructionPointer());
        assertTrue(parse("--instruction-pointer", "true").instructionPointer());
    }

    @Test
    void absoluteTimestamps() throws UsageError {
        assertEquals(Stamp.SECONDS, parse("--absolute-timestamps", "true").stamp());
        assertEquals(Stamp.SECONDS, parse("--absolute-timestamps=", "true").stamp());
        assertEquals(new Stamp(Stamp.Format.UNIX, 0), parse("--absolute-timestamps=unix", "true").stamp());
        assertEquals(new Stamp(Stamp.Format.UNIX, 3), parse("--timestamps=format:unix,precision:ms", "true").stamp());
        assertEquals(new Stamp(Stamp.Format.TIME, 9), parse("--timestamps=precision:ns", "true").stamp());
        assertEquals(new Stamp(Stamp.Format.TIME, 3), parse("--timestamps=us,ms", "true").stamp());
        assertEquals(Stamp.MICROS, parse("--absolute-timestamps=TIME,US", "true").stamp());
        assertEquals(Stamp.Format.NONE, parse("--absolute-timestamps=none,ns", "true").stamp().format());
        assertEquals("invalid --absolute-timestamps argument: 'format:us'",
                error("--absolute-timestamps=format:us", "true"));
        assertEquals("invalid --timestamps argument: 'precision:unix'", error("--timestamps=precision:unix", "true"));
        assertEquals("-t and --absolute-timestamps cannot be provided simultaneously",
                error("--timestamps=unix", "-t", "true"));
    }

    @Test
    void syscallLimit() throws UsageError {
        assertEquals(0, parse("true").qualifiers().syscallLimit());
        assertEquals(7, parse("--syscall-limit=7", "true").qualifiers().syscallLimit());
        assertEquals("invalid --syscall-limit argument: '0'", error("--syscall-limit=0", "true"));
        assertEquals("invalid --syscall-limit argument: 'x'", error("--syscall-limit", "x", "true"));
    }
}

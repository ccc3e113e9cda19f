package io.jstrace.cli;

import io.jstrace.model.CallStatus;

import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.TraceExpr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    private static Options parse(String... a) throws UsageError {
        return (Options) CommandLine.parse(List.of(a));
    }

    @Test
    void clusteredFlagsAndAttachedValues() throws UsageError {
        Options o = parse("-fttT", "-s64", "-a20", "-eexecve", "ls", "-l");
        assertEquals(1, o.follow());
        assertEquals(io.jstrace.output.TextOptions.Stamp.MICROS, o.stamp());
        assertEquals(6, o.durationDigits());
        assertEquals(64, o.decode().stringLimit());
        assertEquals(20, o.column());
        assertEquals(List.of("ls", "-l"), o.command());
        var table = SyscallTable.x86_64();
        assertTrue(o.selection().shows(table.byName("execve")));
        assertFalse(o.selection().shows(table.byName("read")));
    }

    @Test
    void stackTraces() throws UsageError {
        assertFalse(parse("true").stackTrace());
        assertTrue(parse("-fk", "true").stackTrace());
        assertTrue(parse("--stack-traces", "true").stackTrace());
        assertTrue(parse("--stack-trace", "true").stackTrace(), "an unambiguous prefix, as getopt_long takes it");
        Options c = parse("-c", "-k", "true");
        assertFalse(c.stackTrace(), "-c prints no lines to put stacks under");
        assertEquals(List.of("-k/--stack-traces has no effect with -c/--summary-only"), c.warnings());
        assertTrue(parse("-C", "-k", "true").stackTrace());
    }

    @Test
    void structuredOutputs() throws UsageError {
        Options o = parse("--json", "--timeline", "t.json", "-o", "x", "ls");
        assertTrue(o.json());
        assertEquals("t.json", o.timeline());
        assertEquals("t2", parse("--timeline=t2", "ls").timeline());
        assertFalse(parse("ls").json());
        assertEquals(null, parse("ls").timeline());
        assertEquals("option '--json' doesn't allow an argument",
                assertThrows(UsageError.class, () -> parse("--json=x", "ls")).getMessage());
        assertEquals("option '--timeline' requires an argument",
                assertThrows(UsageError.class, () -> parse("--timeline")).getMessage());
    }

    @Test
    void optionsEndAtFirstNonOptionOrDoubleDash() throws UsageError {
        assertEquals(List.of("echo", "-f"), parse("echo", "-f").command());
        assertEquals(List.of("-weird"), parse("--", "-weird").command());
        assertEquals(0, parse("--", "-f").follow());
    }

    @Test
    void traceSets() throws UsageError {
        var t = SyscallTable.x86_64();
        Options o = parse("-e", "trace=!mmap,mprotect,brk", "true");
        assertFalse(o.selection().shows(t.byName("mmap")));
        assertTrue(o.selection().shows(t.byName("read")));
        o = parse("-e", "trace=%file", "true");
        assertTrue(o.selection().shows(t.byName("openat")));
        assertFalse(o.selection().shows(t.byName("read")));
        o = parse("-e", "trace=/^open", "true");
        assertTrue(o.selection().shows(t.byName("open")) && o.selection().shows(t.byName("openat")));
        o = parse("-e", "trace=,mmap", "true");
        assertTrue(o.selection().shows(t.byName("mmap")));
        o = parse("-e", "trace=?nosuch,read", "true");
        assertTrue(o.selection().shows(t.byName("read")));
        o = parse("-e", "trace=process", "true");
        assertTrue(o.selection().shows(t.byName("clone")));
    }

    @Test
    void pidLists() throws UsageError {
        assertEquals(List.of(1, 2, 3), parse("-p", "1,2", "-p3").pids());
        assertEquals(List.of(4, 5), parse("-p", "4 5").pids());
        UsageError e = assertThrows(UsageError.class, () -> parse("-p", "abc"));
        assertEquals("Invalid process id: 'abc'", e.getMessage());
    }

    @Test
    void errorsAsStrace() {
        assertEquals("invalid option -- 'Q'", assertThrows(UsageError.class, () -> parse("-Q", "x")).getMessage());
        assertEquals("option requires an argument -- 'o'", assertThrows(UsageError.class, () -> parse("-o")).getMessage());
        assertEquals("invalid system call 'foo'", assertThrows(UsageError.class, () -> parse("-e", "trace=foo", "x")).getMessage());
        assertEquals("invalid signal 'FOO'", assertThrows(UsageError.class, () -> parse("-e", "signal=FOO", "x")).getMessage());
        assertEquals("unrecognized option '--frobnicate'",
                assertThrows(UsageError.class, () -> parse("--frobnicate", "x")).getMessage());
    }

    @Test
    void statusFilters() throws UsageError {
        assertEquals(java.util.EnumSet.of(CallStatus.SUCCESSFUL), parse("-z", "x").statuses());
        assertEquals(java.util.EnumSet.of(CallStatus.FAILED), parse("-Z", "x").statuses());
        assertEquals(java.util.EnumSet.complementOf(java.util.EnumSet.of(CallStatus.FAILED)),
                parse("-e", "status=!failed", "x").statuses());
        assertEquals(null, parse("x").statuses());
        assertEquals("invalid status 'foo'",
                assertThrows(UsageError.class, () -> parse("-e", "status=foo", "x")).getMessage());
    }

    @Test
    void colorTakesLsWordsAndDefaultsToNever() throws UsageError {
        assertEquals(io.jstrace.output.Palette.When.NEVER, parse("true").color());
        assertEquals(io.jstrace.output.Palette.When.ALWAYS, parse("--color", "true").color());
        assertEquals(io.jstrace.output.Palette.When.AUTO, parse("--colour=auto", "true").color());
        assertEquals(io.jstrace.output.Palette.When.NEVER, parse("--color=always", "--color=never", "true").color());
        UsageError e = assertThrows(UsageError.class, () -> parse("--color=sometimes", "true"));
        assertEquals("invalid --color argument: 'sometimes'", e.getMessage());
        assertTrue(e.suggestHelp());
    }

    @Test
    void seccompOptions() throws UsageError {
        assertEquals(io.jstrace.seccomp.SeccompOptions.DEFAULT, parse("x").seccomp());
        assertEquals(io.jstrace.seccomp.SeccompOptions.Bpf.ON, parse("-f", "--seccomp-bpf", "x").seccomp().bpf());
        Options alone = parse("--seccomp-bpf", "x");
        assertEquals(io.jstrace.seccomp.SeccompOptions.Bpf.AUTO, alone.seccomp().bpf(), "strace needs -f for it");
        assertEquals(List.of("--seccomp-bpf cannot be used without -f/--follow-forks, disabling"), alone.warnings());
        assertEquals(io.jstrace.seccomp.SeccompOptions.Bpf.OFF, parse("-f", "--seccomp-bpf", "--no-seccomp-bpf", "x").seccomp().bpf());
        assertEquals(new io.jstrace.seccomp.SeccompOptions(io.jstrace.seccomp.SeccompOptions.Bpf.AUTO, "out.json", "in.json", null, false),
                parse("--seccomp-profile", "out.json", "--seccomp-policy=in.json", "x").seccomp());
        assertEquals(new io.jstrace.seccomp.SeccompOptions(io.jstrace.seccomp.SeccompOptions.Bpf.AUTO, "out.json", null, "runc.json", true),
                parse("--seccomp-profile", "out.json", "--seccomp-profile-base=runc.json", "--seccomp-profile-args", "x").seccomp());
        assertEquals("--seccomp-policy applies to a command jstrace starts, not to -p",
                assertThrows(UsageError.class, () -> parse("--seccomp-policy", "p.json", "-p", "1")).getMessage());
        assertEquals("--seccomp-bpf cannot be combined with --seccomp-policy",
                assertThrows(UsageError.class, () -> parse("-f", "--seccomp-bpf", "--seccomp-policy", "p.json", "x")).getMessage());
    }

    /** Issue 23 item 9: command lines strace 6.1 takes that jstrace refused. */
    @Test
    void takesWhatStraceTakes() throws UsageError {
        assertEquals(5, parse("-s", "  5", "true").decode().stringLimit(), "strtoll skips white space");
        assertEquals(0, parse("-s", "-0", "true").decode().stringLimit());
        assertTrue(parse("-e", "trace=all,/^o", "true").selection().shows(SyscallTable.x86_64().byName("read")));
        assertTrue(parse("-e", "trace=123", "true").selection().shows(SyscallTable.x86_64().byNumber(123)));
        for (String sig : new String[] {"RTMIN", "0", "99"}) {
            assertTrue(parse("-e", "signal=" + sig, "true").selection().signals().test(TraceExpr.signal(sig)));
        }
        assertFalse(parse("-e", "trace=mmap2,?mmap3", "true").selection().shows(SyscallTable.x86_64().byName("mmap")),
                "i386's mmap2 is a name strace takes; it selects no 64-bit call");
    }

    /** Issue 23 item 9: command lines strace 6.1 refuses that jstrace took. */
    @Test
    void refusesWhatStraceRefuses() {
        assertEquals("piping the output and -ff/--output-separately are mutually exclusive",
                error("-o", "|cat", "-ff", "true"));
        assertEquals("invalid status 'all'", error("-e", "status=all,failed", "true"));
        assertEquals("invalid signal 'all'", error("-e", "signal=HUP,all", "true"));
        assertEquals("invalid --relative-timestamps argument: 'junk'", error("--relative-timestamps=junk", "true"));
        assertEquals("invalid system call '%FILE'", error("-e", "trace=%FILE", "true"));
    }

    /** -h answers at once, before a bad option; -V only once every option is good. */
    @Test
    void helpAndVersion() throws UsageError {
        assertEquals(new Invocation.Help(), CommandLine.parse(List.of("-h", "-Q")));
        assertEquals(new Invocation.Help(), CommandLine.parse(List.of("--help", "-p", "abc")));
        assertEquals("invalid option -- 'Q'", error("-Q", "-h"));
        assertEquals("invalid option -- 'Q'", error("-V", "-Q"));
        assertEquals(new Invocation.Version(2), CommandLine.parse(List.of("-VV")));
    }

    /** Issue 18 item 1: -f's are counted, as strace counts them. */
    @Test
    void followForksCounted() throws UsageError {
        assertEquals(2, parse("-f", "-o", "out", "-ff", "true").follow());
        assertEquals(2, parse("-fff", "-o", "out", "true").follow());
        assertEquals(1, parse("-ff", "true").follow(), "-ff without -o is -f");
        assertEquals("(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive",
                error("-c", "-f", "-ff", "-o", "x", "true"));
        assertEquals(2, parse("--follow-forks", "--output-separately", "-o", "x", "true").follow());
    }

    /** Issue 18 item 4. */
    @Test
    void regexAddingNothingNew() throws UsageError {
        var t = SyscallTable.x86_64();
        Options o = parse("-e", "trace=%file,/^stat,connect", "true");
        assertTrue(o.selection().shows(t.byName("statfs")) && o.selection().shows(t.byName("connect")));
    }

    @Test
    void environmentInterruptibleAndWarnings() throws UsageError {
        assertEquals(List.of("A=1", "B"), parse("-E", "A=1", "--env=B", "true").envChanges());
        assertEquals(Options.Interruptible.WAITING, parse("true").interruptible());
        assertEquals(Options.Interruptible.NEVER, parse("-o", "x", "true").interruptible());
        assertEquals(Options.Interruptible.NEVER_TSTP, parse("-I", "4", "true").interruptible());
        assertEquals(Options.Interruptible.ANYWHERE, parse("--interruptible=ALWAYS", "true").interruptible());
        assertEquals("invalid -I argument: '5'", error("-I5", "true"));
        assertEquals(List.of("deprecated option -F ignored", "-A/--output-append-mode has no effect without -o/--output"),
                parse("-fF", "-A", "true").warnings());
        UsageError e = assertThrows(UsageError.class, () -> parse("-F", "-o", "|x", "-ff", "true"));
        assertEquals(List.of("deprecated option -F ignored"), e.warnings(), "printed before the error, as strace does");
        assertEquals(6, parse("-T", "true").durationDigits());
        assertEquals(9, parse("--syscall-times=NS", "true").durationDigits());
        assertEquals(3, parse("--relative-timestamps=ms", "true").relativeDigits());
        assertEquals(-1, parse("true").relativeDigits());
    }

    private static String error(String... a) {
        return assertThrows(UsageError.class, () -> parse(a)).getMessage();
    }
}

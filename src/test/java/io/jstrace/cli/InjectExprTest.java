package io.jstrace.cli;

import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Injection;
import io.jstrace.trace.Tampering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InjectExprTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();

    private static Tampering plan(String... expressions) throws UsageError {
        Tampering.Builder b = new Tampering.Builder();
        for (String e : expressions) {
            boolean fault = e.startsWith("fault=");
            InjectExpr.add(e.substring(e.indexOf('=') + 1), fault, TABLE, b);
        }
        return b.build();
    }

    private static Injection of(Tampering t, String name) {
        return t.of(TABLE.byName(name).number());
    }

    @Test
    void errorByNameOrNumberAndRetvalInAnyBase() throws UsageError {
        assertEquals(new Injection.Outcome.Error(1), of(plan("inject=openat:error=eperm"), "openat").outcome());
        assertEquals(new Injection.Outcome.Error(4095), of(plan("inject=openat:error=4095"), "openat").outcome());
        assertEquals(new Injection.Outcome.Error(512), of(plan("inject=openat:error=ERESTARTSYS"), "openat").outcome());
        assertEquals(new Injection.Outcome.Retval(16), of(plan("inject=openat:retval=0x10"), "openat").outcome());
        assertEquals(new Injection.Outcome.Retval(8), of(plan("inject=openat:retval=010"), "openat").outcome());
        assertEquals(new Injection.Outcome.Retval(-1), of(plan("inject=openat:retval=18446744073709551615"), "openat").outcome());
    }

    @Test
    void faultDefaultsToEnosysAndSignalOrDelayNeedNoOutcome() throws UsageError {
        Injection f = of(plan("fault=chdir:when=3+"), "chdir");
        assertEquals(new Injection.Outcome.Error(38), f.outcome());
        assertEquals(new Injection.When(3, Injection.When.INFINITE, 1), f.when());
        Injection s = of(plan("inject=getpid:signal=sigusr1:delay_enter=1.5ms:delay_exit=2s"), "getpid");
        assertNull(s.outcome());
        assertEquals(10, s.signal());
        assertEquals(1_500_000, s.delayEnterNanos());
        assertEquals(2_000_000_000L, s.delayExitNanos());
        assertEquals(100_000, of(plan("inject=getpid:delay_exit=100"), "getpid").delayExitNanos());
        assertEquals(33, of(plan("inject=getpid:signal=rt_1"), "getpid").signal());
        assertEquals(32, of(plan("inject=getpid:signal=SIGRTMIN"), "getpid").signal());
    }

    @Test
    void whenForms() throws UsageError {
        int inf = Injection.When.INFINITE;
        assertEquals(new Injection.When(1, inf, 1), of(plan("inject=read:error=EIO"), "read").when());
        assertEquals(new Injection.When(2, inf, 0), of(plan("inject=read:error=EIO:when=2"), "read").when());
        assertEquals(new Injection.When(2, 5, 1), of(plan("inject=read:error=EIO:when=2..5"), "read").when());
        assertEquals(new Injection.When(2, 5, 1), of(plan("inject=read:error=EIO:when=2..5+"), "read").when());
        assertEquals(new Injection.When(2, 9, 3), of(plan("inject=read:error=EIO:when=2..9+3"), "read").when());
        assertEquals(new Injection.When(4, inf, 2), of(plan("inject=read:error=EIO:when=1:when=4+2"), "read").when());
    }

    @Test
    void setsAndLaterExpressionsReplaceEarlierOnes() throws UsageError {
        Tampering t = plan("inject=%file:error=ENOENT", "inject=openat,read:retval=3:syscall=getppid");
        assertEquals(new Injection.Outcome.Retval(3), of(t, "openat").outcome());
        assertEquals(TABLE.byName("getppid").number(), of(t, "openat").substitute());
        assertEquals(new Injection.Outcome.Error(2), of(t, "stat").outcome());
        assertEquals(-1, of(t, "stat").substitute());
        assertNull(of(t, "write"));
        assertNull(of(plan("inject=?nosuch:error=EIO"), "read"));
    }

    @Test
    void doubtfulRetvalsWarnAsStraceDoes() throws UsageError {
        assertEquals(List.of("Inadvertent injection of error 5 is possible for retval=18446744073709551611"),
                plan("inject=read:retval=-5").warnings());
        assertEquals(List.of("Inadvertent injection of error 1 is possible in compat personality for retval=4294967295"),
                plan("inject=read:retval=4294967295").warnings());
        assertEquals(List.of("Injected return value 4294967296 will be clipped to 0 in compat personality"),
                plan("inject=read:retval=4294967296").warnings());
        assertEquals(List.of(), plan("inject=read:retval=7").warnings());
        // strace warns as it parses the tokens, before it finds the set invalid.
        UsageError e = assertThrows(UsageError.class, () -> plan("inject=nosuch:retval=-1"));
        assertEquals("invalid system call 'nosuch'", e.getMessage());
        assertEquals(List.of("Inadvertent injection of error 1 is possible for retval=18446744073709551615"), e.warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"openat", "openat:error=EPERM:retval=1", "openat:error=FOO", "openat:error=0",
            "openat:error=4096", "openat:error=EWOULDBLOCK", "openat:error=0x5", "openat:when=0:error=EPERM",
            "openat:when=3..2:error=EPERM", "openat:when=2+0:error=EPERM", "openat:when=65536:error=EPERM",
            "openat:when=65535..65535:error=EPERM", "openat:when=1.:error=EPERM", "openat:when=2..:error=EPERM",
            "openat:signal=FOO", "openat:signal=0", "openat:signal=65", "openat:signal=IOT",
            "openat:signal=9:signal=9", "openat:delay_enter=abc", "openat:delay_enter=-1", "openat:delay_enter=1ss",
            "openat:delay_exit=", "openat:delay_enter=1e999", "openat:delay_enter=1:delay_enter=2",
            "openat:retval=18446744073709551616", "openat:retval=0x", "openat:syscall=write:error=EPERM",
            "openat:syscall=getpid", "openat:error=EPERM:syscall=getpid:syscall=getpid", "openat:bogus=1",
            "foo:bogus"})
    void invalidInjectArguments(String spec) {
        UsageError e = assertThrows(UsageError.class, () -> plan("inject=" + spec));
        assertEquals("invalid inject argument '" + spec + "'", e.getMessage());
    }

    @Test
    void otherErrors() {
        assertEquals("invalid fault argument 'openat:retval=1'",
                assertThrows(UsageError.class, () -> plan("fault=openat:retval=1")).getMessage());
        assertEquals("invalid fault argument 'openat:delay_enter=1'",
                assertThrows(UsageError.class, () -> plan("fault=openat:delay_enter=1")).getMessage());
        assertEquals("invalid system call 'foo'",
                assertThrows(UsageError.class, () -> plan("inject=foo:error=EPERM")).getMessage());
        assertEquals("invalid system call ''",
                assertThrows(UsageError.class, () -> plan("inject=:error=EPERM")).getMessage());
        for (String bad : new String[] {"poke_enter=", "poke_exit=", "poke_enter=invalid", "poke_enter=@arg8=",
            "poke_enter=@arg0=", "poke_enter=@arg1", "poke_enter=@arg1=", "poke_enter=@arg1=000",
            "poke_enter=@arg1=nothex", "poke_enter=@arg1=00,@arg1=00", "poke_enter=@arg1=00:poke_enter=@arg1=00"}) {
            assertEquals("invalid inject argument 'chdir:" + bad + "'",
                    assertThrows(UsageError.class, () -> plan("inject=chdir:" + bad)).getMessage());
        }
    }

    /** poke_enter=/poke_exit= alone make an expression; each names its arguments and bytes. */
    @Test
    void pokes() throws UsageError {
        Injection i = of(plan("inject=chdir:poke_enter=@arg1=2f00,@arg2=ff:poke_exit=@arg3=0a0B"), "chdir");
        assertEquals(null, i.outcome());
        assertEquals(List.of("true 1 2f00", "true 2 ff", "false 3 0a0b"), i.pokes().stream()
                .map(p -> p.atEntry() + " " + p.arg() + " " + java.util.HexFormat.of().formatHex(p.data())).toList());
    }

    @Test
    void commandLineTakesBothSpellings() throws UsageError {
        Options o = (Options) CommandLine.parse(List.of("--inject=read:error=EIO", "-efault=write", "true"));
        assertEquals(new Injection.Outcome.Error(5), of(o.tampering(), "read").outcome());
        assertEquals(new Injection.Outcome.Error(38), of(o.tampering(), "write").outcome());
        assertEquals(Tampering.NONE, ((Options) CommandLine.parse(List.of("true"))).tampering());
    }
}

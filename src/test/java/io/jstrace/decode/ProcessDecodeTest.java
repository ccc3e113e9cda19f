package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcessDecodeTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    @Test
    void waitStatus() {
        assertEquals("[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]", text(WaitStatusDecoder.decode(3 << 8)));
        assertEquals("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}]", text(WaitStatusDecoder.decode(15)));
        assertEquals("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]", text(WaitStatusDecoder.decode(11 | 0x80)));
        assertEquals("[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP} | PTRACE_EVENT_STOP << 16]",
                text(WaitStatusDecoder.decode(0x80 << 16 | 5 << 8 | 0x7f)));
        assertEquals("[{WIFCONTINUED(s)}]", text(WaitStatusDecoder.decode(0xffff)));
    }

    @Test
    void rlimits() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(8192 * 1024).putLong(-1);
        assertEquals("{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}", text(ProcessStructs.rlimit(new Bytes(b.array()))));
        assertEquals("1024", text(ProcessStructs.rlim(1024)));
        assertEquals("20000", text(ProcessStructs.rlim(20000)));
    }

    /** What strace 6.1 prints for ls's prlimit64 under -X raw and -X verbose. */
    @Test
    void rlimitsRawAndVerbose() {
        Value v = ProcessStructs.rlimit(new Bytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(8192 * 1024).putLong(-1).array()));
        assertEquals("{rlim_cur=8388608, rlim_max=18446744073709551615}",
                new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.RAW).format(v));
        assertEquals("{rlim_cur=8388608 /* 8192*1024 */, rlim_max=18446744073709551615 /* RLIM64_INFINITY */}",
                new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.VERBOSE).format(v));
    }

    @Test
    void utsname() {
        byte[] b = new byte[6 * 65];
        String[] f = {"Linux", "vm", "6.1.0", "#1 SMP", "x86_64", "(none)"};
        for (int i = 0; i < f.length; i++) {
            byte[] s = f[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, b, i * 65, s.length);
        }
        assertEquals("{sysname=\"Linux\", nodename=\"vm\", ...}", text(ProcessStructs.utsname(new Bytes(b), false)));
        assertEquals("{sysname=\"Linux\", nodename=\"vm\", release=\"6.1.0\", version=\"#1 SMP\", machine=\"x86_64\", "
                + "domainname=\"(none)\"}", text(ProcessStructs.utsname(new Bytes(b), true)));
    }

    @Test
    void cloneFlags() {
        assertEquals("CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD", text(CloneDecoder.flags(0x1200011)));
        assertEquals("SIGCHLD", text(CloneDecoder.flags(17)));
        assertEquals("child_stack=NULL", text(CloneDecoder.named("child_stack", Value.NULL_PTR)));
    }

    @Test
    void personality() {
        assertEquals("PER_LINUX|ADDR_NO_RANDOMIZE", text(MiscKinds.personality(0x40000)));
    }
}

package io.jstrace.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PTRACE_GET_SYSCALL_INFO's struct as strace 6.1's ptrace_syscall_info.c prints it. */
class PtraceSyscallInfoTest {
    private static final long GET_SYSCALL_INFO = 0x420e;
    private static final int X86_64 = 0xc000003e;

    private static ByteBuffer info(int op) {
        return SyscallLines.le(88).put((byte) op).put(new byte[3]).putInt(X86_64).putLong(0x401000).putLong(0x7ffc0000);
    }

    /** The line of a call whose kernel fills {@code filled} and returns {@code ret}, the caller's buffer {@code len} bytes. */
    private static String line(SyscallLines m, byte[] filled, long len, long ret) {
        long buf = m.put(new byte[88]);
        m.fillAtExit(buf, filled);
        return m.line("ptrace", ret, GET_SYSCALL_INFO, 42, len, buf);
    }

    @Test
    void entryExitAndSeccomp() {
        SyscallLines m = new SyscallLines();
        byte[] entry = info(1).putLong(39).putLong(1).putLong(2).putLong(3).putLong(4).putLong(5).putLong(6).array();
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64, "
                + "instruction_pointer=0x401000, stack_pointer=0x7ffc0000, entry={nr=__NR_getpid, "
                + "args=[0x1, 0x2, 0x3, 0x4, 0x5, 0x6]}}) = 80", line(m, entry, 88, 80));
        // A short buffer: the arguments it covers.
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 48, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64, "
                + "instruction_pointer=0x401000, stack_pointer=0x7ffc0000, entry={nr=__NR_getpid, args=[0x1, 0x2]}}) = 80",
                line(m, entry, 48, 80));
        byte[] exit = info(2).putLong(-2).put((byte) 1).array();
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, "
                + "instruction_pointer=0x401000, stack_pointer=0x7ffc0000, exit={rval=-ENOENT, is_error=1}}) = 33",
                line(m, exit, 88, 33));
        // Without is_error the value is a number.
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 32, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, "
                + "instruction_pointer=0x401000, stack_pointer=0x7ffc0000, exit={rval=-2}}) = 33", line(m, exit, 32, 33));
        byte[] seccomp = info(3).putLong(1000).putLong(1).putLong(0).putLong(0).putLong(0).putLong(0).putLong(0)
                .putInt(0xfeed).array();
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_SECCOMP, arch=AUDIT_ARCH_X86_64, "
                + "instruction_pointer=0x401000, stack_pointer=0x7ffc0000, seccomp={nr=1000, "
                + "args=[0x1, 0, 0, 0, 0, 0], ret_data=65261}}) = 84", line(m, seccomp, 88, 84));
    }

    @Test
    void asMuchAsBothLengthsCover() {
        SyscallLines m = new SyscallLines();
        byte[] none = info(0).array();
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_NONE, arch=AUDIT_ARCH_X86_64, "
                + "instruction_pointer=0x401000, stack_pointer=0x7ffc0000}) = 24", line(m, none, 88, 24));
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 9, {op=PTRACE_SYSCALL_INFO_NONE, arch=AUDIT_ARCH_X86_64}) = 24",
                line(m, none, 9, 24));
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 1, {op=PTRACE_SYSCALL_INFO_NONE}) = 24", line(m, none, 1, 24));
        long buf = m.put(new byte[88]);
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 0, 0x" + Long.toHexString(buf) + ") = 24",
                m.line("ptrace", 24, GET_SYSCALL_INFO, 42, 0, buf));
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, NULL) = -1 errno 14",
                m.line("ptrace", -14, GET_SYSCALL_INFO, 42, 88, 0));
    }
}

package io.jstrace.linux;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SysTest {
    @Test
    void rawSyscallByNumberReturnsThePid() {
        assertEquals(ProcessHandle.current().pid(), Sys.syscall(39));
    }

    @Test
    void failedSyscallReturnsNegatedErrno() {
        assertEquals(-Errno.ESRCH, Sys.syscall(Sys.NR_KILL, 0x7ffffff0, 0));
    }

    @Test
    void waitStatusDecoding() {
        assertTrue(WaitStatus.exited(7 << 8));
        assertEquals(7, WaitStatus.exitCode(7 << 8));
        assertTrue(WaitStatus.signaled(9));
        assertEquals(9, WaitStatus.termSignal(9));
        assertTrue(WaitStatus.stopped(0x137f) && WaitStatus.stopSignal(0x137f) == 19);
        assertEquals(Ptrace.EVENT_EXEC, WaitStatus.event(0x7f | (5 << 8) | (Ptrace.EVENT_EXEC << 16)));
    }
}

package io.jstrace.bpf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jstrace.linux.Sys;
import io.jstrace.syscalls.SyscallTable;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The verifier accepts every program, with and without the fork hook and decoding (skipped only without privilege). */
class EbpfSessionTest {
    private static final int NR_ACCESS = 21, NR_GETPPID = 110;

    @Test
    void programsLoadAndAttach() throws Exception {
        byte[][] plans = new CapturePlans().plans(SyscallTable.x86_64(), s -> true, true, 32, false);
        for (boolean follow : new boolean[] {false, true}) {
            for (boolean decode : new boolean[] {false, true}) {
                try (EbpfSession s = open(plans, follow, decode)) {
                    assertEquals(0, s.ring().pending());
                }
            }
        }
    }

    /** This very thread traced: its calls come back through the ring, with arguments, result and memory. */
    @Test
    void ownCallsComeThroughTheRing() throws Exception {
        byte[][] plans = new CapturePlans().plans(SyscallTable.x86_64(), s -> true, true, 32, false);
        try (EbpfSession s = open(plans, false, true)) {
            int tid = Sys.gettid();
            s.trace(tid, false);
            for (int i = 0; i < 3; i++) {
                Sys.syscall(NR_GETPPID);
            }
            byte[] path = "/nonexistent/jstrace\0".getBytes(StandardCharsets.US_ASCII);
            long r;
            try (Arena a = Arena.ofConfined()) {
                MemorySegment p = a.allocate(path.length);
                MemorySegment.copy(path, 0, p, ValueLayout.JAVA_BYTE, 0, path.length);
                r = Sys.syscall(NR_ACCESS, p.address(), 0);
                s.untrace(tid);
                List<Record> records = new ArrayList<>();
                s.ring().drain((b, n) -> records.add(Record.parse(b, n)), Integer.MAX_VALUE);
                List<Record> getppid = records.stream().filter(x -> x.nr() == NR_GETPPID).toList();
                assertEquals(3, getppid.size(), records.toString());
                for (Record x : getppid) {
                    assertEquals(Layout.CALL, x.type());
                    assertEquals(tid, x.tid());
                    assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), x.ret());
                    assertTrue(x.time() >= x.entryTime());
                }
                Record access = records.stream().filter(x -> x.nr() == NR_ACCESS).findFirst().orElseThrow();
                assertEquals(r, access.ret());
                assertEquals(p.address(), access.args()[0]);
                assertEquals(1, access.regions().size());
                assertArrayEquals(path, access.regions().get(0).data());
            }
        }
    }

    static EbpfSession open(byte[][] plans, boolean follow, boolean decode) throws EbpfSession.Unavailable {
        try {
            return EbpfSession.open(plans, 1 << 16, follow, decode);
        } catch (EbpfSession.Unavailable e) {
            assumeFalse(e.getMessage().contains("needs root"), e.getMessage());
            throw e;
        }
    }
}

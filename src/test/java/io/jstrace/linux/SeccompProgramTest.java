package io.jstrace.linux;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Runs the generated seccomp programs on a small classic-BPF interpreter, as the kernel would. */
class SeccompProgramTest {
    static final int X86_64 = BpfInterpreter.X86_64, I386 = BpfInterpreter.I386;

    static int run(byte[] program, int arch, int nr) {
        return BpfInterpreter.run(program, arch, nr);
    }

    @Test
    void everyNumberGetsItsAction() {
        Random r = new Random(42);
        int[] actions = new int[470];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = switch (r.nextInt(4)) {
                case 0 -> Seccomp.RET_ALLOW;
                case 1 -> Seccomp.RET_TRACE;
                case 2 -> Seccomp.RET_ERRNO | r.nextInt(4096);
                default -> Seccomp.RET_KILL_PROCESS;
            };
        }
        byte[] prog = Seccomp.program(actions, Seccomp.RET_LOG, Seccomp.RET_TRAP);
        for (int nr = 0; nr < actions.length; nr++) {
            assertEquals(actions[nr], run(prog, X86_64, nr), "nr " + nr);
        }
        assertEquals(Seccomp.RET_LOG, run(prog, X86_64, actions.length));
        assertEquals(Seccomp.RET_LOG, run(prog, X86_64, 0x3fffffff));
    }

    @Test
    void otherAbisGetTheForeignAction() {
        int[] actions = new int[10];
        Arrays.fill(actions, Seccomp.RET_ALLOW);
        byte[] prog = Seccomp.program(actions, Seccomp.RET_ALLOW, Seccomp.RET_TRACE);
        assertEquals(Seccomp.RET_TRACE, run(prog, I386, 3));
        assertEquals(Seccomp.RET_TRACE, run(prog, X86_64, Seccomp.X32_SYSCALL_BIT | 3));
        assertEquals(Seccomp.RET_TRACE, run(prog, X86_64, -1));
        assertEquals(Seccomp.RET_ALLOW, run(prog, X86_64, 3));
    }

    @Test
    void runsOfEqualActionsShareOneTest() {
        int[] actions = new int[460];
        Arrays.fill(actions, Seccomp.RET_ALLOW);
        actions[257] = Seccomp.RET_TRACE; // openat
        // 6 instructions of arch and x32 checks, 2 per run before the last, 1 final return
        assertEquals((6 + 2 * 2 + 1) * 8, Seccomp.program(actions, Seccomp.RET_ALLOW, Seccomp.RET_TRACE).length);
    }

    @Test
    void programsBeyondTheKernelLimitAreRefused() {
        int[] actions = new int[5000];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = i % 2 == 0 ? Seccomp.RET_ALLOW : Seccomp.RET_TRACE;
        }
        assertThrows(IllegalArgumentException.class, () -> Seccomp.program(actions, Seccomp.RET_ALLOW, Seccomp.RET_ALLOW));
    }

    @Test
    void launchStubCarriesTheFilterAndPointsAtIt() {
        byte[] filter = Seccomp.program(new int[] {Seccomp.RET_ALLOW}, Seccomp.RET_TRACE, Seccomp.RET_TRACE);
        byte[] elf = LaunchStub.elf(1, 0, null, filter, true);
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int code = 64 + 56;
        assertEquals(filter.length / 8, b.getShort(code + 408));
        long address = b.getLong(code + 416);
        assertEquals(1, b.get(code + 424), "required");
        assertEquals(0x400000 + elf.length - filter.length, address);
        assertEquals(elf.length, b.getLong(64 + 32), "PT_LOAD file size covers the filter");
        assertEquals(ByteBuffer.wrap(filter), ByteBuffer.wrap(elf, elf.length - filter.length, filter.length));
        byte[] none = LaunchStub.elf(1, 0, null, new byte[0], false);
        assertEquals(0, ByteBuffer.wrap(none).order(ByteOrder.LITTLE_ENDIAN).getShort(code + 408));
    }
}

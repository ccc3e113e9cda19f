package io.jstrace.linux;

import io.jstrace.syscalls.SyscallTable;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * seccomp(2) filters for a started command: the kernel's return actions and the BPF program that
 * maps each syscall number to one of them. The launch stub installs the program
 * ({@link Spawn#stoppedBeforeExec(String, java.util.List, Spawn.Inheritance, byte[])}).
 */
public final class Seccomp {
    private Seccomp() {}

    public static final int RET_KILL_PROCESS = 0x80000000, RET_KILL_THREAD = 0, RET_TRAP = 0x00030000,
            RET_ERRNO = 0x00050000, RET_TRACE = 0x7ff00000, RET_LOG = 0x7ffc0000, RET_ALLOW = 0x7fff0000;
    /** The errno in the low 16 bits of RET_ERRNO. */
    public static final int DATA_MASK = 0xffff;

    static final int AUDIT_ARCH_X86_64 = 0xc000003e, AUDIT_ARCH_I386 = 0x40000003;
    /** x32 calls come with the x86_64 audit arch and this bit in the number. */
    static final int X32_SYSCALL_BIT = 0x40000000;
    private static final int NR_SECCOMP = SyscallTable.x86_64().number("seccomp"), SET_MODE_FILTER = 1, EFAULT = 14;

    /**
     * The filter: {@code actions[nr]} for x86_64 calls numbered below {@code actions.length},
     * {@code unknown} for higher x86_64 numbers, {@code foreign} for the other ABIs an x86_64
     * process can enter (i386 through int 0x80, x32), whose numbers mean other calls.
     * Runs of equal actions become one compare-and-return pair, tested from the lowest numbers
     * (the hottest: read, write, close) up; no jump is longer than one instruction, so BPF's 8-bit
     * jump offsets never overflow.
     *
     * @throws IllegalArgumentException if the program would exceed the kernel's 4096 instructions
     */
    public static byte[] program(int[] actions, int unknown, int foreign) {
        return program(actions, unknown, foreign, Map.of());
    }

    /**
     * The filter as {@link #program(int[], int, int)} builds it, except that a call numbered in
     * {@code decided} jumps to its own block of instructions, which that entry writes (testing
     * the arguments, say) and which must end with a return.
     */
    public static byte[] program(int[] actions, int unknown, int foreign, Map<Integer, Consumer<Bpf>> decided) {
        Bpf p = new Bpf()
                .load(Bpf.DATA_ARCH).jeq(AUDIT_ARCH_X86_64, 1, 0).ret(foreign)
                .load(Bpf.DATA_NR).jge(X32_SYSCALL_BIT, 0, 1).ret(foreign);
        Map<Integer, Bpf.Label> blocks = new TreeMap<>();
        int start = 0;
        for (int nr = 1; nr <= actions.length; nr++) {
            if (nr == actions.length || actions[nr] != actions[start] || decided.containsKey(nr)
                    || decided.containsKey(start)) {
                if (decided.containsKey(start)) {
                    p.jgt(start, 1, 0).ja(blocks.computeIfAbsent(start, n -> new Bpf.Label()));
                } else if (nr < actions.length || actions[start] != unknown) {
                    p.jgt(nr - 1, 1, 0).ret(actions[start]);
                }
                start = nr;
            }
        }
        p.ret(unknown);
        for (var b : blocks.entrySet()) {
            p.bind(b.getValue());
            decided.get(b.getKey()).accept(p);
        }
        if (p.length() > Bpf.MAX_INSNS) {
            throw new IllegalArgumentException("seccomp filter too long: " + p.length() + " instructions");
        }
        return p.bytes();
    }

    /**
     * Whether this kernel takes seccomp filters: strace's probe, a NULL program fails with EFAULT
     * when filters exist (EINVAL or ENOSYS when they do not), whatever the caller's privileges.
     */
    public static boolean available() {
        return Sys.syscall(NR_SECCOMP, SET_MODE_FILTER, 0, 0) == -EFAULT;
    }
}

package io.jstrace.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The x86_64 machine code that starts a tracee. posix_spawn runs it with argv
 * {@code [name, path, argv0, argv1, ...]}; it sets SIG_IGN for the signals of the mask patched
 * into its first instruction (the dispositions jstrace inherited, which the JVM may have
 * replaced with handlers), stops itself with SIGSTOP so the tracer can seize it, then
 * {@code execve(path, &argv[2], envp)} with the environment untouched. If execve fails it
 * exits with the errno. Source (GNU as):
 * <pre>
 *     movabs $MASK, %rbx; xor %r12d, %r12d
 * 1:  bt %r12, %rbx; jnc 2f
 *     lea 1(%r12), %edi; lea act(%rip), %rsi; xor %edx, %edx; mov $8, %r10d
 *     mov $13, %eax; syscall                              # rt_sigaction(sig, &act, NULL, 8)
 * 2:  inc %r12d; cmp $64, %r12d; jne 1b
 *     mov $39, %eax; syscall; mov %eax, %edi              # getpid
 *     mov $19, %esi; mov $62, %eax; syscall               # kill(pid, SIGSTOP)
 *     mov 16(%rsp), %rdi; lea 24(%rsp), %rsi              # argv[1], &argv[2]
 *     mov (%rsp), %rcx; lea 16(%rsp,%rcx,8), %rdx         # envp
 *     mov $59, %eax; syscall                              # execve
 *     mov %eax, %edi; neg %edi; mov $231, %eax; syscall   # exit_group(errno)
 * act: .quad 1, 0, 0, 0                                   # SIG_IGN, no flags
 * </pre>
 */
final class LaunchStub {
    private LaunchStub() {}

    private static final String CODE =
            "48bb8877665544332211" + "4531e44c0fa3e3731b418d7c2401488d3559000000" + "31d241ba08000000"
            + "b80d0000000f0541ffc44183fc4075d6b8270000000f0589c7be13000000b83e0000000f05"
            + "488b7c2410488d742418488b0c24488d54cc10b83b0000000f0589c7f7dfb8e70000000f05"
            + "0f1f800000000001000000000000000000000000000000000000000000000000000000000000000000";
    private static final int MASK_OFFSET = 2;
    private static final long BASE = 0x400000;
    private static final int EHDR = 64, PHDR = 56;

    /** A static ELF executable of the stub, ignoring the signals in {@code ignoreMask} (bit n-1 = signal n). */
    static byte[] elf(long ignoreMask) {
        byte[] code = HexFormat.of().parseHex(CODE);
        ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN).putLong(MASK_OFFSET, ignoreMask);
        ByteBuffer b = ByteBuffer.allocate(EHDR + PHDR + code.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2).putShort((short) 0x3e).putInt(1);       // ET_EXEC, EM_X86_64, EV_CURRENT
        b.putLong(BASE + EHDR + PHDR).putLong(EHDR).putLong(0);        // entry, phoff, shoff
        b.putInt(0).putShort((short) EHDR).putShort((short) PHDR).putShort((short) 1);
        b.putShort((short) 0).putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(5).putLong(0).putLong(BASE).putLong(BASE);  // PT_LOAD, R+X, whole file
        b.putLong(b.capacity()).putLong(b.capacity()).putLong(0x1000);
        b.put(code);
        return b.array();
    }
}

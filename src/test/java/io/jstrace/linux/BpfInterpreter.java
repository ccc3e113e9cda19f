package io.jstrace.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The kernel's semantics for the classic-BPF instructions {@link Bpf} emits, to run seccomp programs in tests. */
public final class BpfInterpreter {
    private BpfInterpreter() {}

    public static final int X86_64 = Seccomp.AUDIT_ARCH_X86_64, I386 = Seccomp.AUDIT_ARCH_I386;

    /** The action {@code program} returns for a call of {@code arch} numbered {@code nr}; fails on other opcodes. */
    public static int run(byte[] program, int arch, int nr) {
        ByteBuffer p = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
        int a = 0;
        for (int pc = 0; ; pc++) {
            if (pc * 8 >= program.length) {
                throw new AssertionError("ran off the end of the program");
            }
            int code = p.getShort(pc * 8) & 0xffff, jt = p.get(pc * 8 + 2) & 0xff, jf = p.get(pc * 8 + 3) & 0xff;
            int k = p.getInt(pc * 8 + 4);
            switch (code) {
                case 0x20 -> a = switch (k) {
                    case 0 -> nr;
                    case 4 -> arch;
                    default -> throw new AssertionError("load of seccomp_data offset " + k);
                };
                case 0x15 -> pc += a == k ? jt : jf;
                case 0x35 -> pc += Integer.compareUnsigned(a, k) >= 0 ? jt : jf;
                case 0x25 -> pc += Integer.compareUnsigned(a, k) > 0 ? jt : jf;
                case 0x06 -> {
                    return k;
                }
                default -> throw new AssertionError("opcode " + Integer.toHexString(code));
            }
        }
    }
}

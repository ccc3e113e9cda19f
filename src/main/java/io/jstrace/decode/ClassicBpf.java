package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Classic BPF programs (struct sock_fprog) as strace prints them: {@code {len=2, filter=[BPF_STMT(
 * BPF_LD|BPF_W|BPF_ABS, 0x4), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3, 0, 0x1)]}}, the instructions
 * only with -v. Seccomp filters show their return values by action name, socket filters their
 * special load offsets ({@code SKF_AD_OFF+SKF_AD_PKTTYPE}).
 */
public final class ClassicBpf {
    private ClassicBpf() {}

    private static final Layout PROG = Layout.of("sock_fprog"), INSN = Layout.of("sock_filter");
    private static final Layout.Field LEN = PROG.field("len"), FILTER = PROG.field("filter"),
            CODE = INSN.field("code"), JT = INSN.field("jt"), JF = INSN.field("jf"), K = INSN.field("k");
    /** The kernel's BPF_MAXINSNS: strace prints no more instructions than a program may have. */
    private static final int MAX_INSNS = 4096;
    private static final int LD = 0, LDX = 1, ST = 2, STX = 3, ALU = 4, JMP = 5, RET = 6, MISC = 7;
    private static final long SECCOMP_RET_ACTION_FULL = 0xffff0000L;
    private static final int BPF_ABS = 0x20;
    private static final long SKF_AD_OFF = 0xfffff000L, SKF_NET_OFF = 0xfff00000L, SKF_LL_OFF = 0xffe00000L;

    /** How a program shows an instruction's constant: by its code; null keeps the hex. */
    @FunctionalInterface
    public interface Operand {
        Value of(int code, long k);
    }

    /** A seccomp filter's BPF_RET constants by action name. */
    static final Operand SECCOMP = (code, k) -> (code & 7) == RET ? seccompReturn(k) : null;

    /** strace's print_sock_filter_k: absolute loads at the ancillary, network and link-layer offsets. */
    public static final Operand SOCKET = (code, k) -> {
        if ((code & 7) != LD || (code & 0xe0) != BPF_ABS) {
            return null;
        }
        if (k >= SKF_AD_OFF) {
            return new Value.Sum(new Value.Sym("SKF_AD_OFF", SKF_AD_OFF), Decode.sym("skf_ad", k - SKF_AD_OFF, Value.Radix.HEX, "SKF_AD_???"));
        }
        if (k >= SKF_NET_OFF) {
            return new Value.Sum(new Value.Sym("SKF_NET_OFF", SKF_NET_OFF), Value.Num.udec(k - SKF_NET_OFF));
        }
        return k >= SKF_LL_OFF ? new Value.Sum(new Value.Sym("SKF_LL_OFF", SKF_LL_OFF), Value.Num.udec(k - SKF_LL_OFF)) : null;
    };

    /** The size of one instruction, struct sock_filter. */
    public static final int INSN_SIZE = INSN.size();

    /** The size of struct sock_fprog, which setsockopt's length must equal. */
    static final int PROG_SIZE = PROG.size();

    /** A seccomp filter program at {@code addr}: NULL, the address, or the struct. */
    static Value seccompProgram(Call c, long addr) {
        return program(c, addr, SECCOMP);
    }

    /** The program at {@code addr}; {@code operand} shows the instructions' constants. */
    static Value program(Call c, long addr, Operand operand) {
        Bytes p = Decode.struct(c, addr, PROG.size());
        if (p == null) {
            return Decode.ptr(addr);
        }
        long len = p.u(LEN);
        long insns = p.u(FILTER);
        return Decode.struct(Decode.field("len", Value.Num.udec(len)),
                Decode.field("filter", !c.options.verbose() ? Decode.ptr(insns) : instructions(c, insns, len, operand)));
    }

    /** The {@code len} instructions at {@code addr} as print_array shows them, {@code ...} past BPF_MAXINSNS. */
    static Value instructions(Call c, long addr, long len, Operand operand) {
        Value v = IoArrays.array(c, addr, Math.min(len, MAX_INSNS), INSN.size(), b -> insn(b, operand));
        return len > MAX_INSNS && v instanceof Value.Arr a && !a.truncated() ? new Value.Arr(a.items(), true) : v;
    }

    /** One instruction: BPF_JUMP when it jumps, else BPF_STMT. */
    public static Value insn(Bytes b, Operand operand) {
        int code = (int) b.u(CODE);
        long k = b.u(K);
        long jt = b.u(JT), jf = b.u(JF);
        if (jt != 0 || jf != 0) {
            return new Value.Call("BPF_JUMP", List.of(code(code), Value.Num.hex(k), Value.Num.hex(jt), Value.Num.hex(jf)));
        }
        Value kv = operand.of(code, k);
        return new Value.Call("BPF_STMT", List.of(code(code), kv != null ? kv : Value.Num.hex(k)));
    }

    /** strace's print_bpf_filter_code for classic BPF: class, then the parts that class uses. */
    static Value code(int code) {
        return code(code, false);
    }

    /**
     * strace's print_bpf_filter_code; {@code extended}: an eBPF instruction's, whose classes 6 and 7
     * are JMP32 and ALU64, whose stores have a size and mode, and whose modes are eBPF's.
     */
    static Value code(int code, boolean extended) {
        int cls = code & 7;
        int rest = code & ~7;
        List<Value> parts = new ArrayList<>();
        parts.add(xval(extended ? "ebpf_class" : "bpf_class", cls));
        switch (cls) {
            case ST, STX, LD, LDX -> {
                if (!extended && (cls == ST || cls == STX)) {
                    unknownBits(parts, rest);
                } else {
                    parts.add(xval("bpf_size", code & 0x18));
                    parts.add(xval(extended ? "ebpf_mode" : "bpf_mode", code & 0xe0));
                }
            }
            case MISC -> {
                if (extended) {
                    alu(parts, code);
                } else {
                    parts.add(xval("bpf_miscop", code & 0xf8));
                    unknownBits(parts, rest & ~0xf8);
                }
            }
            case ALU -> alu(parts, code);
            case JMP -> {
                parts.add(xval("bpf_src", code & 0x08));
                parts.add(xval("bpf_op_jmp", code & 0xf0));
            }
            default -> { // RET; reserved (JMP32) in eBPF, whose bits strace shows as they are
                if (!extended) {
                    parts.add(xval("bpf_rval", code & 0x18));
                }
                unknownBits(parts, extended ? rest : rest & ~0x18);
            }
        }
        return new Value.Or(parts);
    }

    private static void alu(List<Value> parts, int code) {
        parts.add(xval("bpf_src", code & 0x08));
        parts.add(xval("bpf_op_alu", code & 0xf0));
    }

    private static void unknownBits(List<Value> parts, int bits) {
        if (bits != 0) {
            parts.add(new Value.Unknown(bits, Value.Radix.HEX, "BPF_???"));
        }
    }

    private static Value xval(String table, int v) {
        return Decode.sym(table, v, Value.Radix.HEX, "BPF_???");
    }

    /** A seccomp filter's return: the action by name, then its data ({@code SECCOMP_RET_ERRNO|0x1}). */
    private static Value seccompReturn(long k) {
        long action = k & SECCOMP_RET_ACTION_FULL;
        long data = k & ~action;
        Value a = Decode.sym("seccomp_ret_action", action, Value.Radix.HEX, "SECCOMP_RET_???");
        return data == 0 ? a : new Value.Or(a, Value.Num.hex(data));
    }
}

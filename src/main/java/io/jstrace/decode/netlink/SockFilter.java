package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * A classic BPF program (struct sock_filter array) as strace's print_sock_fprog shows it:
 * {@code BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_AD_OFF+SKF_AD_PKTTYPE)} and {@code BPF_JUMP(...)} per
 * instruction, at most BPF_MAXINSNS of them; only its address without -v.
 */
final class SockFilter {
    private SockFilter() {}

    private static final int INSN = 8, BPF_MAXINSNS = 4096;
    private static final int LD = 0, LDX = 1, ST = 2, STX = 3, ALU = 4, JMP = 5, RET = 6, MISC = 7;
    private static final int BPF_ABS = 0x20;
    private static final long SKF_AD_OFF = 0xfffff000L, SKF_NET_OFF = 0xfff00000L, SKF_LL_OFF = 0xffe00000L;

    /** PACKET_DIAG_FILTER: as many instructions as fit (none, or more than 65535: hex). */
    static Value decode(NlCtx c, long addr, int len) {
        int n = len / INSN;
        if (n == 0 || n > 0xffff) {
            return null;
        }
        if (c.mem.abbrev()) {
            return new Value.Addr(addr);
        }
        int[] count = {0};
        // past BPF_MAXINSNS instructions strace prints "..." and stops
        return NlArrays.array(c, addr, Math.min(n, BPF_MAXINSNS + 1), INSN,
                b -> count[0]++ >= BPF_MAXINSNS ? Value.ELLIPSIS : insn(b));
    }

    static Value insn(Bytes b) {
        int code = b.u16(0);
        int jt = b.u8(2);
        int jf = b.u8(3);
        long k = b.u32(4);
        if (jt != 0 || jf != 0) {
            return new Value.Call("BPF_JUMP", List.of(code(code), Value.Num.hex(k), Value.Num.hex(jt), Value.Num.hex(jf)));
        }
        return new Value.Call("BPF_STMT", List.of(code(code), operand(code, k)));
    }

    /** strace's print_bpf_filter_code, classic BPF only. */
    private static Value code(int code) {
        int cls = code & 7;
        int rest = code & ~7;
        List<Value> parts = new ArrayList<>();
        parts.add(NlValues.xval(cls, "BPF_???", "bpf_class"));
        switch (cls) {
            case ST, STX -> unknownBits(parts, rest);
            case LD, LDX -> {
                parts.add(NlValues.xval(code & 0x18, "BPF_???", "bpf_size"));
                parts.add(NlValues.xval(code & 0xe0, "BPF_???", "bpf_mode"));
            }
            case MISC -> {
                parts.add(NlValues.xval(code & 0xf8, "BPF_???", "bpf_miscop"));
                unknownBits(parts, rest & ~0xf8);
            }
            case ALU, JMP -> {
                parts.add(NlValues.xval(code & 0x08, "BPF_???", "bpf_src"));
                parts.add(NlValues.xval(code & 0xf0, "BPF_???", cls == ALU ? "bpf_op_alu" : "bpf_op_jmp"));
            }
            case RET -> {
                parts.add(NlValues.xval(code & 0x18, "BPF_???", "bpf_rval"));
                unknownBits(parts, rest & ~0x18);
            }
            default -> throw new IllegalStateException("unreachable class " + cls);
        }
        return parts.size() == 1 ? parts.get(0) : new Value.Or(parts);
    }

    private static void unknownBits(List<Value> parts, int bits) {
        if (bits != 0) {
            parts.add(new Value.Commented(Value.Num.hex(bits), "BPF_???"));
        }
    }

    /** k of an absolute load at one of the special offsets: {@code SKF_AD_OFF+SKF_AD_PKTTYPE}. */
    private static Value operand(int code, long k) {
        if ((code & 7) == LD && (code & 0xe0) == BPF_ABS) {
            if (k >= SKF_AD_OFF) {
                return new Value.Sum(new Value.Sym("SKF_AD_OFF", SKF_AD_OFF), NlValues.xval(k - SKF_AD_OFF, "SKF_AD_???", "skf_ad"));
            }
            if (k >= SKF_NET_OFF) {
                return new Value.Sum(new Value.Sym("SKF_NET_OFF", SKF_NET_OFF), Value.Num.udec(k - SKF_NET_OFF));
            }
            if (k >= SKF_LL_OFF) {
                return new Value.Sum(new Value.Sym("SKF_LL_OFF", SKF_LL_OFF), Value.Num.udec(k - SKF_LL_OFF));
            }
        }
        return Value.Num.hex(k);
    }
}

package io.jstrace.decode.netlink;

import io.jstrace.decode.ClassicBpf;
import io.jstrace.model.Value;

/**
 * PACKET_DIAG_FILTER: a classic BPF program as strace's print_sock_fprog shows it, at most
 * BPF_MAXINSNS instructions ({@code ...} after them), only its address without -v.
 */
final class SockFilter {
    private SockFilter() {}

    private static final int BPF_MAXINSNS = 4096;

    /** As many instructions as fit (none, or more than 65535: hex). */
    static Value decode(NlCtx c, long addr, int len) {
        int n = len / ClassicBpf.INSN_SIZE;
        if (n == 0 || n > 0xffff) {
            return null;
        }
        if (c.mem.abbrev()) {
            return new Value.Addr(addr);
        }
        int[] count = {0};
        return NlArrays.array(c, addr, Math.min(n, BPF_MAXINSNS + 1), ClassicBpf.INSN_SIZE,
                b -> count[0]++ >= BPF_MAXINSNS ? Value.ELLIPSIS : ClassicBpf.insn(b, ClassicBpf.SOCKET));
    }
}

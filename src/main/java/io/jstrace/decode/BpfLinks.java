package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

/**
 * BPF_LINK_CREATE's attr as strace 6.1 shows it: the union after {@code flags} guessed from the
 * attach type (a target BTF id, an iterator's maps, a perf event's cookie, kprobe_multi's
 * symbols), and whatever the guess leaves unread counted as extra data.
 */
final class BpfLinks {
    private BpfLinks() {}

    private static final int U32 = 4, U64 = 8;

    /** Fills {@code f}; returns where the attr strace read ends, {@link Integer#MAX_VALUE} when it shows no extra data. */
    static int create(Call c, BpfFields f) {
        BpfFields l = f.nested();
        l.fd("link_create.prog_fd").fd("link_create.target_fd")
                .xval("link_create.attach_type", "bpf_attach_type", "BPF_???").hex("link_create.flags");
        int size = Integer.MAX_VALUE;
        if (l.reaches("link_create.target_btf_id")) {
            long type = l.u("link_create.attach_type");
            // BPF_CGROUP_INET_INGRESS (0) is what an extension program's link leaves there.
            String name = type == 0 ? "" : Xlat.of("bpf_attach_type").name(type);
            switch (name == null ? "?" : name) {
                case "" -> {
                    if (l.u("link_create.target_btf_id") != 0) {
                        l.udec("link_create.target_btf_id");
                    }
                    size = BpfAttr.end("link_create.target_btf_id");
                }
                case "BPF_TRACE_ITER" -> {
                    long n = l.u("link_create.iter_info_len");
                    l.put("link_create.iter_info", IoArrays.array(c, l.u("link_create.iter_info"), n, U32,
                            b -> Decode.struct(Decode.field("map", Decode.struct(Decode.field("map_fd", Decode.fd(c, b.s32(0))))))));
                    l.udec("link_create.iter_info_len");
                    size = BpfAttr.end("link_create.iter_info_len");
                }
                case "BPF_PERF_EVENT" -> {
                    l.add("perf_event", l.nested().hex("link_create.perf_event.bpf_cookie").struct());
                    size = BpfAttr.end("link_create.perf_event.bpf_cookie");
                }
                case "BPF_TRACE_KPROBE_MULTI" -> {
                    l.add("kprobe_multi", kprobeMulti(c, l.nested()));
                    size = BpfAttr.end("link_create.kprobe_multi.cookies");
                }
                default -> size = BpfAttr.end("link_create.flags");
            }
        }
        f.add("link_create", l.struct());
        return size;
    }

    private static Value kprobeMulti(Call c, BpfFields k) {
        long n = k.u("link_create.kprobe_multi.cnt");
        k.flags("link_create.kprobe_multi.flags", "bpf_link_create_kprobe_multi_flags", "BPF_F_???")
                .udec("link_create.kprobe_multi.cnt")
                .put("link_create.kprobe_multi.syms", IoArrays.array(c, k.u("link_create.kprobe_multi.syms"), n, U64,
                        b -> Decode.cstring(c, b.s64(0))));
        for (String x : new String[] {"addrs", "cookies"}) {
            k.put(x, IoArrays.array(c, k.u("link_create.kprobe_multi." + x), n, U64, b -> Value.Num.hex(b.s64(0))));
        }
        return k.struct();
    }
}

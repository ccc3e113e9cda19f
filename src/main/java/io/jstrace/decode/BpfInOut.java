package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.Set;

/**
 * The bpf(2) commands whose attr the kernel writes back, as strace 6.1 shows them: the ID walks
 * (next_id), BPF_OBJ_GET_INFO_BY_FD (info_len and the info), BPF_PROG_QUERY (the program ids),
 * BPF_TASK_FD_QUERY (what the fd is) are shown at exit with what changed as {@code before => after};
 * the batch commands whole at entry, then {@code => {batch={count=N}}} when the count changed.
 */
final class BpfInOut {
    private BpfInOut() {}

    private static final Set<String> NEXT_ID = Set.of("BPF_PROG_GET_NEXT_ID", "BPF_MAP_GET_NEXT_ID",
            "BPF_BTF_GET_NEXT_ID", "BPF_LINK_GET_NEXT_ID");
    private static final Set<String> BATCH = Set.of("BPF_MAP_LOOKUP_BATCH", "BPF_MAP_LOOKUP_AND_DELETE_BATCH",
            "BPF_MAP_UPDATE_BATCH", "BPF_MAP_DELETE_BATCH");
    private static final int U32 = 4;

    static boolean handles(String cmd) {
        return NEXT_ID.contains(cmd) || BATCH.contains(cmd) || cmd.equals("BPF_OBJ_GET_INFO_BY_FD")
                || cmd.equals("BPF_PROG_QUERY") || cmd.equals("BPF_TASK_FD_QUERY");
    }

    /** At entry: the batch commands' attr, the others' state for the exit. */
    static BpfKinds.Entry atEntry(Call c, String cmd, byte[] raw) {
        if (BATCH.contains(cmd)) {
            BpfFields f = BpfKinds.fields(c, raw, BpfAttr.L.size());
            BpfFields b = f.nested();
            if (!cmd.equals("BPF_MAP_UPDATE_BATCH") && !cmd.equals("BPF_MAP_DELETE_BATCH")) {
                b.addr("batch.in_batch").addr("batch.out_batch");
            }
            b.addr("batch.keys");
            if (!cmd.equals("BPF_MAP_DELETE_BATCH")) {
                b.addr("batch.values");
            }
            b.udec("batch.count").fd("batch.map_fd").flags("batch.elem_flags", "bpf_map_lookup_elem_flags", "BPF_???")
                    .hex("batch.flags");
            f.add("batch", b.struct());
            Value shown = BpfKinds.withExtra(c, f, new Bytes(raw), raw.length, BpfAttr.end("batch.flags"));
            return new BpfKinds.Entry(cmd, raw, shown, f.u("batch.count"));
        }
        Object state = null;
        if (cmd.equals("BPF_OBJ_GET_INFO_BY_FD") && c.options.verbose()) {
            BpfFields f = BpfKinds.fields(c, raw, BpfAttr.L.size());
            state = BpfObjInfo.atEntry(c, (int) f.u("info.bpf_fd"), f.u("info.info"), f.u("info.info_len"));
        }
        return new BpfKinds.Entry(cmd, raw, null, state);
    }

    /** At exit, for a command shown at entry: a batch's count that changed, else nothing new. */
    static Value atExit(Call c, BpfKinds.Entry e, long addr, int size) {
        if (e.cmd() == null || !BATCH.contains(e.cmd())) {
            return e.shown();
        }
        byte[] now = c.memory.readFully(c.tid, addr, size);
        if (now == null) {
            return e.shown();
        }
        BpfFields f = BpfKinds.fields(c, now, BpfAttr.L.size());
        if (f.u("batch.count") == (long) e.state()) {
            return e.shown();
        }
        Value count = f.nested().udec("batch.count").struct();
        return new Value.Changed(e.shown(), Decode.struct(Decode.field("batch", count)));
    }

    /** At exit, for a command the exit shows: from the attr at entry ({@code e}) and as it is now ({@code now}). */
    static Value shownAtExit(Call c, BpfKinds.Entry e, byte[] now, long addr, int size) {
        BpfFields before = BpfKinds.fields(c, e.attr(), BpfAttr.L.size());
        BpfFields f = BpfKinds.fields(c, now, BpfAttr.L.size());
        int known;
        if (NEXT_ID.contains(e.cmd())) {
            f.put("start_id", Value.Num.udec(before.u("start_id"))).changed("next_id", before.u("next_id"));
            if (!f.reaches("open_flags")) {
                return f.struct();
            }
            f.flags("open_flags", "bpf_file_mode_flags", "BPF_F_???");
            known = BpfAttr.end("open_flags");
        } else if (e.cmd().equals("BPF_OBJ_GET_INFO_BY_FD")) {
            BpfFields i = f.nested();
            i.put("info.bpf_fd", Decode.fd(c, (int) before.u("info.bpf_fd"))).changed("info.info_len", before.u("info.info_len"));
            long info = f.u("info.info");
            i.put("info.info", c.options.verbose()
                    ? BpfObjInfo.atExit(c, (BpfObjInfo.Entry) e.state(), info, f.u("info.info_len")) : Decode.ptr(info));
            f.add("info", i.struct());
            known = BpfAttr.end("info.info");
        } else if (e.cmd().equals("BPF_PROG_QUERY")) {
            BpfFields q = f.nested();
            q.put("query.target_fd", Decode.fd(c, (int) before.u("query.target_fd")))
                    .put("query.attach_type", Decode.sym("bpf_attach_type", before.u("query.attach_type"), Value.Radix.HEX, "BPF_???"))
                    .put("query.query_flags", Decode.flags("bpf_query_flags", before.u("query.query_flags"), "BPF_F_QUERY_???"))
                    .put("query.attach_flags", Decode.flags("bpf_attach_flags", before.u("query.attach_flags"), "BPF_F_???"))
                    .put("query.prog_ids", IoArrays.arrayUnlessFailed(c, f.u("query.prog_ids"), f.u("query.prog_cnt"), U32,
                            b -> Value.Num.udec(b.u32(0))))
                    .changed("query.prog_cnt", before.u("query.prog_cnt"));
            f.add("query", q.struct());
            known = BpfAttr.end("query.prog_cnt");
        } else {
            BpfFields q = f.nested();
            long len = before.u("task_fd_query.buf_len");
            q.put("task_fd_query.pid", Pids.of(c, (int) before.u("task_fd_query.pid"), Pids.Type.TGID))
                    .put("task_fd_query.fd", Decode.fd(c, (int) before.u("task_fd_query.fd")))
                    .put("task_fd_query.flags", Value.Num.udec(before.u("task_fd_query.flags")))
                    .changed("task_fd_query.buf_len", len)
                    .put("task_fd_query.buf", Decode.boundedCString(c, f.u("task_fd_query.buf"),
                            Math.min(len, f.u("task_fd_query.buf_len"))))
                    .udec("task_fd_query.prog_id").xval("task_fd_query.fd_type", "bpf_task_fd_type", "BPF_FD_TYPE_???")
                    .hex("task_fd_query.probe_offset").hex("task_fd_query.probe_addr");
            f.add("task_fd_query", q.struct());
            known = BpfAttr.end("task_fd_query.probe_addr");
        }
        return BpfKinds.withExtra(c, f, new Bytes(now), size, known);
    }
}

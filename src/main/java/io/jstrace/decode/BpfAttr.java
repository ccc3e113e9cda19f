package io.jstrace.decode;

import io.jstrace.model.Value;

import static io.jstrace.decode.BpfFields.step;

/**
 * The bpf(2) commands strace 6.1 shows whole at entry: their union bpf_attr members, as far as
 * the caller's size reaches (a member added by a later kernel is left out of a shorter attr).
 * Each returns where the attr strace knows ends: nonzero bytes past it are extra data.
 */
final class BpfAttr {
    private BpfAttr() {}

    static final Layout L = Layout.of("bpf_attr");
    private static final Layout INSN = Layout.of("bpf_insn");
    private static final Layout.Field CODE = INSN.field("code"), OFF = INSN.field("off"), IMM = INSN.field("imm");
    /** The kernel's BPF_MAXINSNS: strace shows no more instructions of a program. */
    private static final int MAX_INSNS = 4096;
    /** The longest tracepoint name strace reads. */
    private static final int TP_NAME_SIZE = 128;
    private static final long BPF_F_NUMA_NODE = 4, BPF_F_REPLACE = 4;

    private static final java.util.Set<String> COMMANDS = java.util.Set.of("BPF_MAP_CREATE", "BPF_MAP_LOOKUP_ELEM",
            "BPF_MAP_LOOKUP_AND_DELETE_ELEM", "BPF_MAP_UPDATE_ELEM", "BPF_MAP_DELETE_ELEM", "BPF_MAP_GET_NEXT_KEY",
            "BPF_MAP_FREEZE", "BPF_PROG_LOAD", "BPF_OBJ_PIN", "BPF_OBJ_GET", "BPF_PROG_ATTACH", "BPF_PROG_DETACH",
            "BPF_PROG_TEST_RUN", "BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID", "BPF_RAW_TRACEPOINT_OPEN", "BPF_BTF_LOAD",
            "BPF_BTF_GET_FD_BY_ID", "BPF_LINK_GET_FD_BY_ID", "BPF_LINK_CREATE", "BPF_LINK_UPDATE");

    /** Whether {@link #decode} knows command {@code cmd}. */
    static boolean knows(String cmd) {
        return COMMANDS.contains(cmd);
    }

    /** Where the member {@code f} of union bpf_attr ends. */
    static int end(String f) {
        Layout.Field x = L.field(f);
        return x.offset() + x.size();
    }

    /** Decodes command {@code cmd} into {@code f}; returns the attr's size, or -1 when it is not one of these. */
    static int decode(Call c, String cmd, BpfFields f) {
        switch (cmd) {
            case "BPF_MAP_CREATE" -> {
                mapCreate(f);
                return end("map_extra");
            }
            case "BPF_MAP_LOOKUP_ELEM", "BPF_MAP_LOOKUP_AND_DELETE_ELEM" -> {
                f.fd("map_fd").addr("key").addr("value");
                if (f.reaches("flags")) {
                    f.flags("flags", "bpf_map_lookup_elem_flags", "BPF_???");
                }
                return end("flags");
            }
            case "BPF_MAP_UPDATE_ELEM" -> {
                f.fd("map_fd").addr("key").addr("value").xval("flags", "bpf_map_update_elem_flags", "BPF_???");
                return end("flags");
            }
            case "BPF_MAP_DELETE_ELEM" -> {
                f.fd("map_fd").addr("key");
                return end("key");
            }
            case "BPF_MAP_GET_NEXT_KEY" -> {
                f.fd("map_fd").addr("key").addr("next_key");
                return end("next_key");
            }
            case "BPF_MAP_FREEZE" -> {
                f.fd("map_fd");
                return end("map_fd");
            }
            case "BPF_PROG_LOAD" -> {
                progLoad(c, f);
                return end("fd_array");
            }
            case "BPF_OBJ_PIN", "BPF_OBJ_GET" -> {
                f.put("pathname", Decode.path(c, f.u("pathname"))).fd("bpf_fd");
                if (f.reaches("file_flags")) {
                    f.flags("file_flags", "bpf_file_mode_flags", "BPF_F_???");
                }
                return end("file_flags");
            }
            case "BPF_PROG_ATTACH" -> {
                f.fd("target_fd").fd("attach_bpf_fd").xval("attach_type", "bpf_attach_type", "BPF_???")
                        .flags("attach_flags", "bpf_attach_flags", "BPF_F_???");
                if (f.reaches("replace_bpf_fd")) {
                    f.fd("replace_bpf_fd");
                }
                return end("replace_bpf_fd");
            }
            case "BPF_PROG_DETACH" -> {
                f.fd("target_fd").xval("attach_type", "bpf_attach_type", "BPF_???");
                return end("attach_type");
            }
            case "BPF_PROG_TEST_RUN" -> {
                testRun(f);
                return end("test.batch_size");
            }
            case "BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID" -> {
                f.udec(cmd.equals("BPF_MAP_GET_FD_BY_ID") ? "map_id" : "prog_id").udec("next_id");
                if (f.reaches("open_flags")) {
                    f.flags("open_flags", "bpf_file_mode_flags", "BPF_F_???");
                }
                return end("open_flags");
            }
            case "BPF_RAW_TRACEPOINT_OPEN" -> {
                BpfFields tp = f.nested();
                tp.put("raw_tracepoint.name", Decode.boundedCString(c, f.u("raw_tracepoint.name"), TP_NAME_SIZE))
                        .fd("raw_tracepoint.prog_fd");
                f.add("raw_tracepoint", tp.struct());
                return end("raw_tracepoint.prog_fd");
            }
            case "BPF_BTF_LOAD" -> {
                f.put("btf", Decode.buffer(c, f.u("btf"), f.u("btf_size"))).addr("btf_log_buf").udec("btf_size")
                        .udec("btf_log_size").udec("btf_log_level");
                return end("btf_log_level");
            }
            case "BPF_BTF_GET_FD_BY_ID", "BPF_LINK_GET_FD_BY_ID" -> {
                f.udec(cmd.equals("BPF_BTF_GET_FD_BY_ID") ? "btf_id" : "link_id");
                return end("link_id");
            }
            case "BPF_LINK_CREATE" -> {
                return BpfLinks.create(c, f);
            }
            case "BPF_LINK_UPDATE" -> {
                BpfFields u = f.nested();
                u.fd("link_update.link_fd").fd("link_update.new_prog_fd")
                        .flags("link_update.flags", "bpf_attach_flags", "BPF_F_???");
                if ((u.u("link_update.flags") & BPF_F_REPLACE) != 0) {
                    u.fd("link_update.old_prog_fd");
                }
                f.add("link_update", u.struct());
                return end("link_update.old_prog_fd");
            }
            default -> {
                return -1;
            }
        }
    }

    private static void mapCreate(BpfFields f) {
        f.steps(step("map_type", x -> x.xval("map_type", "bpf_map_types", "BPF_MAP_TYPE_???").udec("key_size")
                        .udec("value_size").udec("max_entries")),
                step("map_flags", x -> x.flags("map_flags", "bpf_map_flags", "BPF_F_???")),
                step("inner_map_fd", x -> x.fd("inner_map_fd")),
                step("numa_node", x -> {
                    if ((x.u("map_flags") & BPF_F_NUMA_NODE) != 0) {
                        // NUMA_NO_NODE is no uapi name: strace shows the number with the name in a comment.
                        x.put("numa_node", new Value.Explained(Decode.sym("numa_node", x.u("numa_node"), Value.Radix.UDEC, null, true)));
                    }
                }),
                step("map_name", x -> x.cstring("map_name")),
                step("map_ifindex", x -> x.ifindex("map_ifindex")),
                step("btf_fd", x -> x.fd("btf_fd").udec("btf_key_type_id").udec("btf_value_type_id")),
                step("btf_vmlinux_value_type_id", x -> x.udec("btf_vmlinux_value_type_id")),
                step("map_extra", x -> x.udec("map_extra")));
    }

    private static void progLoad(Call c, BpfFields f) {
        f.steps(step("prog_type", x -> x.xval("prog_type", "bpf_prog_types", "BPF_PROG_TYPE_???").udec("insn_cnt")
                        .put("insns", program(c, x.u("insns"), x.u("insn_cnt")))
                        .put("license", Decode.cstring(c, x.u("license")))),
                step("log_level", x -> x.udec("log_level").udec("log_size")
                        .put("log_buf", Decode.boundedCString(c, x.u("log_buf"), x.u("log_size")))),
                step("kern_version", x -> x.put("kern_version", Decode.kernelVersion(x.u("kern_version")))),
                step("prog_flags", x -> x.flags("prog_flags", "bpf_prog_flags", "BPF_F_???")),
                step("prog_name", x -> x.cstring("prog_name")),
                step("prog_ifindex", x -> x.ifindex("prog_ifindex")),
                step("expected_attach_type", x -> x.xval("expected_attach_type", "bpf_attach_type", "BPF_???")),
                step("prog_btf_fd", x -> x.fd("prog_btf_fd").udec("func_info_rec_size").addr("func_info").udec("func_info_cnt")
                        .udec("line_info_rec_size").addr("line_info").udec("line_info_cnt")),
                step("attach_btf_id", x -> x.udec("attach_btf_id")),
                step("attach_prog_fd", x -> x.fd("attach_prog_fd")),
                step("fd_array", x -> x.addr("fd_array")));
    }

    private static void testRun(BpfFields f) {
        BpfFields t = f.nested();
        t.fd("test.prog_fd").udec("test.retval").udec("test.data_size_in").udec("test.data_size_out")
                .addr("test.data_in").addr("test.data_out").udec("test.repeat").udec("test.duration");
        if (t.reaches("test.ctx_size_in")) {
            t.udec("test.ctx_size_in").udec("test.ctx_size_out").addr("test.ctx_in").addr("test.ctx_out");
        }
        if (t.reaches("test.flags")) {
            t.flags("test.flags", "bpf_test_run_flags", "BPF_F_???").udec("test.cpu");
        }
        if (t.reaches("test.batch_size")) {
            t.udec("test.batch_size");
        }
        f.add("test", t.struct());
    }

    /** An eBPF program: its address, or with -v its instructions (strace's print_ebpf_prog). */
    static Value program(Call c, long addr, long count) {
        if (!c.options.verbose()) {
            return Decode.ptr(addr);
        }
        Value v = IoArrays.arrayUnlessFailed(c, addr, Math.min(count, MAX_INSNS), INSN.size(), BpfAttr::insn);
        return count > MAX_INSNS && v instanceof Value.Arr a && !a.truncated() ? new Value.Arr(a.items(), true) : v;
    }

    private static Value insn(Bytes b) {
        int regs = b.u8(CODE.offset() + CODE.size()); // dst_reg:4, src_reg:4, bit fields no offsetof reaches
        return Decode.struct(Decode.field("code", ClassicBpf.code((int) b.u(CODE), true)),
                Decode.field("dst_reg", Decode.sym("ebpf_regs", regs & 0xf, Value.Radix.HEX, "BPF_REG_???")),
                Decode.field("src_reg", Decode.sym("ebpf_regs", regs >> 4, Value.Radix.HEX, "BPF_REG_???")),
                Decode.field("off", Value.Num.dec((short) b.u(OFF))),
                Decode.field("imm", Value.Num.hex(b.u(IMM))));
    }
}

package io.jstrace.decode;

import io.jstrace.linux.Sys;
import io.jstrace.model.Value;

import java.util.function.LongFunction;

import static io.jstrace.decode.BpfFields.step;

/**
 * What BPF_OBJ_GET_INFO_BY_FD writes, shown with -v as strace 6.1 shows it: a map's or a program's
 * info struct (which one, the fd's anon inode says at entry), the program's counts and addresses
 * as they were at entry {@code =>} as the kernel left them.
 */
final class BpfObjInfo {
    private BpfObjInfo() {}

    private static final Layout MAP = Layout.of("bpf_map_info"), PROG = Layout.of("bpf_prog_info");
    private static final int PAGE = 4096, U32 = 4, INSN_SIZE = 8;
    /** The ends of the structs strace knows (later kernels' members are extra data). */
    private static final int MAP_SIZE = end(MAP, "map_extra"), PROG_SIZE = end(PROG, "verified_insns");

    /** Which struct the fd's object fills, and for a program the struct as it was at entry (null if unread). */
    record Entry(boolean program, Bytes before) {}

    private static int end(Layout l, String f) {
        return l.field(f).offset() + l.field(f).size();
    }

    /** At entry: what the info of {@code fd} is, null when it is neither a map nor a program. */
    static Entry atEntry(Call c, int fd, long addr, long len) {
        String path = fdPath(c, fd);
        if ("anon_inode:bpf-map".equals(path)) {
            return new Entry(false, null);
        }
        return "anon_inode:bpf-prog".equals(path) ? new Entry(true, fetch(c, addr, len, PROG)) : null;
    }

    /** What {@code fd} names, as strace's getfdpath: from -y's table, else from /proc whatever -y says. */
    private static String fdPath(Call c, int fd) {
        FdPaths.Parts p = c.fdPaths.describe(c.tid, fd);
        if (p != null || fd < 0) {
            return p == null ? null : p.path();
        }
        byte[] link = io.jstrace.linux.Sys.readlink("/proc/" + c.tid + "/fd/" + fd);
        return link == null ? null : new String(link, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** At exit: the info struct, or its address. */
    static Value atExit(Call c, Entry e, long addr, long len) {
        Bytes b = e == null ? null : fetch(c, addr, len, e.program() ? PROG : MAP);
        if (b == null) {
            return Decode.ptr(addr);
        }
        BpfFields f = new BpfFields(c, e.program() ? PROG : MAP, b, (int) len);
        boolean whole = e.program() ? program(c, f, e.before() != null ? e.before() : new Bytes(new byte[PROG.size()])) : map(f);
        return whole ? BpfKinds.withExtra(c, f, b, (int) len, e.program() ? PROG_SIZE : MAP_SIZE) : f.struct();
    }

    /** The struct's {@code len} bytes, zero-padded to the layout; null when they cannot be read. */
    private static Bytes fetch(Call c, long addr, long len, Layout l) {
        if (len <= 0 || len > PAGE) {
            return null;
        }
        byte[] raw = c.memory.readFully(c.tid, addr, (int) len);
        return raw == null ? null : BpfKinds.padded(raw, Math.max(l.size(), (int) len));
    }

    private static boolean map(BpfFields f) {
        return f.steps(step("type", x -> x.xval("type", "bpf_map_types", "BPF_MAP_TYPE_???").udec("id").udec("key_size")
                        .udec("value_size").udec("max_entries").flags("map_flags", "bpf_map_flags", "BPF_F_???")),
                step("name", x -> x.cstring("name", x.field("name").size())),
                step("ifindex", x -> x.ifindex("ifindex").udec("btf_vmlinux_value_type_id")
                        .put("netns_dev", Decode.dev(x.u("netns_dev"))).udec("netns_ino")),
                step("btf_id", x -> x.udec("btf_id").udec("btf_key_type_id").udec("btf_value_type_id")));
    }

    private static boolean program(Call c, BpfFields f, Bytes before) {
        LongFunction<Value> num = Value.Num::udec, addr = Decode::ptr;
        Layout.Field ifindex = PROG.field("ifindex");
        return f.steps(step("type", x -> {
            x.xval("type", "bpf_prog_types", "BPF_PROG_TYPE_???").udec("id")
                    .put("tag", new Value.Str(x.bytes().slice(x.field("tag")).b(), false, true));
            changed(x, before, "jited_prog_len", num);
            x.put("jited_prog_insns", Decode.printstr(c, x.u("jited_prog_insns"), x.u("jited_prog_len"), true));
            changed(x, before, "xlated_prog_len", num);
            long xlated = Math.min(x.u("xlated_prog_len"), before.u(PROG.field("xlated_prog_len")));
            x.put("xlated_prog_insns", BpfAttr.program(c, x.u("xlated_prog_insns"), xlated / INSN_SIZE));
        }), step("load_time", x -> {
            x.put("load_time", bootTime(x.u("load_time"))).put("created_by_uid", Decode.uid(x.u("created_by_uid")));
            changed(x, before, "nr_map_ids", num);
            long ids = Math.min(x.u("nr_map_ids"), before.u(PROG.field("nr_map_ids")));
            x.put("map_ids", IoArrays.arrayUnlessFailed(c, x.u("map_ids"), ids, U32, b -> Value.Num.udec(b.u32(0))));
            x.cstring("name", x.field("name").size());
        }), step("ifindex", x -> x.ifindex("ifindex")
                // gpl_compatible is the first bit of the word after ifindex: a bit field, which offsetof cannot name.
                .add("gpl_compatible", Value.Num.udec(x.bytes().u32(ifindex.offset() + ifindex.size()) & 1))
                .put("netns_dev", Decode.dev(x.u("netns_dev"))).udec("netns_ino")
        ), step("nr_jited_ksyms", x -> {
            changed(x, before, "nr_jited_ksyms", num);
            changed(x, before, "nr_jited_func_lens", num);
            changed(x, before, "jited_ksyms", addr);
            changed(x, before, "jited_func_lens", addr);
        }), step("btf_id", x -> {
            x.udec("btf_id");
            changed(x, before, "func_info_rec_size", num);
            x.addr("func_info");
            changed(x, before, "nr_func_info", num);
            changed(x, before, "nr_line_info", num);
            x.addr("line_info");
            changed(x, before, "jited_line_info", addr);
            for (String n : new String[] {"nr_jited_line_info", "line_info_rec_size", "jited_line_info_rec_size", "nr_prog_tags"}) {
                changed(x, before, n, num);
            }
            x.addr("prog_tags");
        }), step("run_time_ns", x -> x.udec("run_time_ns").udec("run_cnt")),
                step("recursion_misses", x -> x.udec("recursion_misses")),
                step("verified_insns", x -> x.udec("verified_insns")));
    }

    /** Member {@code n} as it was at entry {@code =>} as it is, or as it is when the call left it. */
    private static void changed(BpfFields f, Bytes before, String n, LongFunction<Value> show) {
        long was = before.u(PROG.field(n)), now = f.u(n);
        f.put(n, was == now ? show.apply(now) : new Value.Changed(show.apply(was), show.apply(now)));
    }

    /**
     * A load time in ns since boot, with the wall-clock second it stands for in a comment (strace's
     * print_boottime; none under -X raw): the boot time from the two clocks, as strace reads it
     * (with /proc/uptime's 10 ms the second could differ from strace's).
     */
    private static Value bootTime(long ns) {
        Value n = Value.Num.udec(ns);
        long boot = Sys.bootTimeNanos();
        if (boot < 0) {
            return n;
        }
        String when = TimeDecoder.isoTime(Math.floorDiv(boot + ns, 1_000_000_000L));
        return new Value.Styled(n, new Value.Commented(n, when), new Value.Note(when));
    }
}

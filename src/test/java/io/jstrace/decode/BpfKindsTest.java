package io.jstrace.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** bpf(2) as strace 6.1 prints it, on attrs in byte arrays (lines its bpf tests expect). */
class BpfKindsTest {
    private static final int MAP_CREATE = 0, PROG_LOAD = 5, OBJ_PIN = 6, PROG_GET_NEXT_ID = 11, PROG_QUERY = 16,
            MAP_LOOKUP_BATCH = 24, LINK_CREATE = 28;

    private static byte[] bytes(ByteBuffer b) {
        return b.array();
    }

    @Test
    void mapCreateShowsTheFieldsTheSizeReaches() {
        SyscallLines m = new SyscallLines();
        ByteBuffer b = SyscallLines.le(72).putInt(0xdeadf00d).putInt(0xfacefeed).putInt(0xbadc0ded).putInt(0xbeefcafe)
                .putInt(0xc0dfffff).putInt(0xa2052264).putInt(-1);
        long attr = m.put(bytes(b));
        assertEquals("bpf(BPF_MAP_CREATE, {map_type=0xdeadf00d /* BPF_MAP_TYPE_??? */, key_size=4207869677, "
                + "value_size=3134983661, max_entries=3203386110, map_flags=BPF_F_NO_PREALLOC|BPF_F_NO_COMMON_LRU|"
                + "BPF_F_NUMA_NODE|BPF_F_RDONLY|BPF_F_WRONLY|BPF_F_STACK_BUILD_ID|BPF_F_ZERO_SEED|BPF_F_RDONLY_PROG|"
                + "BPF_F_WRONLY_PROG|BPF_F_CLONE|BPF_F_MMAPABLE|BPF_F_PRESERVE_ELEMS|BPF_F_INNER_MAP|0xc0dfe000}, 20) = -1 errno 22",
                m.line("bpf", -22, MAP_CREATE, attr, 20));
        assertEquals("bpf(BPF_MAP_CREATE, {map_type=0xdeadf00d /* BPF_MAP_TYPE_??? */, key_size=4207869677, "
                + "value_size=3134983661, max_entries=3203386110, map_flags=BPF_F_NO_PREALLOC|BPF_F_NO_COMMON_LRU|"
                + "BPF_F_NUMA_NODE|BPF_F_RDONLY|BPF_F_WRONLY|BPF_F_STACK_BUILD_ID|BPF_F_ZERO_SEED|BPF_F_RDONLY_PROG|"
                + "BPF_F_WRONLY_PROG|BPF_F_CLONE|BPF_F_MMAPABLE|BPF_F_PRESERVE_ELEMS|BPF_F_INNER_MAP|0xc0dfe000, "
                + "inner_map_fd=-1576721820, numa_node=4294967295 /* NUMA_NO_NODE */}, 28) = -1 errno 22",
                m.line("bpf", -22, MAP_CREATE, attr, 28));
    }

    @Test
    void bytesPastTheAttrShowAsEllipsisOrWithVerboseInHex() {
        byte[] attr = new byte[80];
        attr[0] = 1; // BPF_MAP_TYPE_HASH
        attr[79] = 0x7f;
        SyscallLines m = new SyscallLines();
        long a = m.put(attr);
        String fields = "map_type=BPF_MAP_TYPE_HASH, key_size=0, value_size=0, max_entries=0, map_flags=0, inner_map_fd=0, "
                + "map_name=\"\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, "
                + "btf_vmlinux_value_type_id=0, map_extra=0";
        assertEquals("bpf(BPF_MAP_CREATE, {" + fields + ", ...}, 80) = 3", m.line("bpf", 3, MAP_CREATE, a, 80));
        SyscallLines v = new SyscallLines(SyscallLines.options(true, DecodeOptions.Xstyle.ABBREV));
        long b = v.put(attr);
        assertEquals("bpf(BPF_MAP_CREATE, {" + fields + ", extra_data=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x7f\" "
                + "/* bytes 72..79 */}, 80) = 3", v.line("bpf", 3, MAP_CREATE, b, 80));
    }

    @Test
    void anAttrNotReadOrTooLongIsItsAddress() {
        SyscallLines m = new SyscallLines();
        long a = m.putAtEnd(new byte[4]);
        assertEquals("bpf(BPF_MAP_CREATE, NULL, 256) = -1 errno 14", m.line("bpf", -14, MAP_CREATE, 0, 256));
        assertEquals("bpf(BPF_MAP_CREATE, 0x" + Long.toHexString(a) + ", 8) = -1 errno 14", m.line("bpf", -14, MAP_CREATE, a, 8));
        assertEquals("bpf(BPF_MAP_CREATE, 0x" + Long.toHexString(a) + ", 0) = -1 errno 22", m.line("bpf", -22, MAP_CREATE, a, 0));
        assertEquals("bpf(0xfacefeed /* BPF_??? */, 0x" + Long.toHexString(a) + ", 4) = -1 errno 22",
                m.line("bpf", -22, 0xfacefeedL, a, 4));
    }

    @Test
    void progLoadWithItsInstructionsUnderVerboseAndItsKernelVersion() {
        SyscallLines m = new SyscallLines(SyscallLines.options(true, DecodeOptions.Xstyle.ABBREV));
        // BPF_JMP|BPF_K|BPF_EXIT, dst_reg 10, src_reg 11, off -8531, imm 0xbadc0ded
        long insn = m.put(bytes(SyscallLines.le(8).put((byte) 0x95).put((byte) 0xba).putShort((short) -8531).putInt(0xbadc0ded)));
        long license = m.put("GPL\0".getBytes(StandardCharsets.US_ASCII));
        long attr = m.put(bytes(SyscallLines.le(48).putInt(1).putInt(1).putLong(insn).putLong(license).putInt(0).putInt(0)
                .putLong(0).putInt(0xcafef00d)));
        assertEquals("bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=1, insns=[{code=BPF_JMP|BPF_K|BPF_EXIT, "
                + "dst_reg=BPF_REG_10, src_reg=0xb /* BPF_REG_??? */, off=-8531, imm=0xbadc0ded}], license=\"GPL\", log_level=0, "
                + "log_size=0, log_buf=NULL, kern_version=KERNEL_VERSION(51966, 240, 13), prog_flags=0}, 48) = 5",
                m.line("bpf", 5, PROG_LOAD, attr, 48));
        SyscallLines raw = new SyscallLines(SyscallLines.options(false, DecodeOptions.Xstyle.RAW));
        long a = raw.put(bytes(SyscallLines.le(48).putInt(1).putInt(1).putLong(0).putLong(0).putInt(0).putInt(0)
                .putLong(0).putInt(0xcafef00d)));
        assertEquals("bpf(0x5, {prog_type=0x1, insn_cnt=1, insns=NULL, license=NULL, log_level=0, log_size=0, log_buf=NULL, "
                + "kern_version=0xcafef00d, prog_flags=0}, 48) = 5", raw.line("bpf", 5, PROG_LOAD, a, 48));
    }

    @Test
    void objPinShowsThePath() {
        SyscallLines m = new SyscallLines();
        long path = m.put("/sys/fs/bpf/foo/bar\0".getBytes(StandardCharsets.US_ASCII));
        long attr = m.put(bytes(SyscallLines.le(16).putLong(path).putInt(-1).putInt(0x18)));
        assertEquals("bpf(BPF_OBJ_PIN, {pathname=\"/sys/fs/bpf/foo/bar\", bpf_fd=-1, file_flags=BPF_F_RDONLY|BPF_F_WRONLY}, 16)"
                + " = -1 errno 22", m.line("bpf", -22, OBJ_PIN, attr, 16));
        assertEquals("bpf(BPF_OBJ_PIN, {pathname=\"/sys/fs/bpf/foo/bar\", bpf_fd=-1}, 12) = -1 errno 22",
                m.line("bpf", -22, OBJ_PIN, attr, 12));
    }

    @Test
    void nextIdShowsWhatTheKernelWroteBack() {
        SyscallLines m = new SyscallLines();
        long attr = m.put(bytes(SyscallLines.le(12).putInt(7).putInt(0).putInt(0)));
        m.fillAtExit(attr, bytes(SyscallLines.le(12).putInt(7).putInt(9).putInt(0)));
        assertEquals("bpf(BPF_PROG_GET_NEXT_ID, {start_id=7, next_id=0 => 9, open_flags=0}, 12) = 0",
                m.line("bpf", 0, PROG_GET_NEXT_ID, attr, 12));
        assertEquals("bpf(BPF_PROG_GET_NEXT_ID, {start_id=7, next_id=9}, 8) = 0", m.line("bpf", 0, PROG_GET_NEXT_ID, attr, 8));
    }

    @Test
    void progQueryShowsTheIdsAtExit() {
        SyscallLines m = new SyscallLines();
        long ids = m.put(new byte[8]);
        m.fillAtExit(ids, bytes(SyscallLines.le(8).putInt(12).putInt(34)));
        long attr = m.put(bytes(SyscallLines.le(28).putInt(3).putInt(0).putInt(1).putInt(2).putLong(ids).putInt(4)));
        m.fillAtExit(attr, bytes(SyscallLines.le(28).putInt(3).putInt(0).putInt(1).putInt(2).putLong(ids).putInt(2)));
        assertEquals("bpf(BPF_PROG_QUERY, {query={target_fd=3, attach_type=BPF_CGROUP_INET_INGRESS, "
                + "query_flags=BPF_F_QUERY_EFFECTIVE, attach_flags=BPF_F_ALLOW_MULTI, prog_ids=[12, 34], prog_cnt=4 => 2}}, 28) = 0",
                m.line("bpf", 0, PROG_QUERY, attr, 28));
    }

    @Test
    void aBatchShowsItsCountWhenTheKernelChangedIt() {
        SyscallLines m = new SyscallLines();
        long attr = m.put(bytes(SyscallLines.le(56).putLong(0).putLong(0).putLong(0).putLong(0).putInt(3).putInt(5).putLong(4)));
        m.fillAtExit(attr, bytes(SyscallLines.le(56).putLong(0).putLong(0).putLong(0).putLong(0).putInt(1).putInt(5).putLong(4)));
        assertEquals("bpf(BPF_MAP_LOOKUP_BATCH, {batch={in_batch=NULL, out_batch=NULL, keys=NULL, values=NULL, count=3, "
                + "map_fd=5, elem_flags=BPF_F_LOCK, flags=0}} => {batch={count=1}}, 56) = 0",
                m.line("bpf", 0, MAP_LOOKUP_BATCH, attr, 56));
    }

    @Test
    void linkCreateGuessesItsUnionFromTheAttachType() {
        SyscallLines m = new SyscallLines();
        long attr = m.put(bytes(SyscallLines.le(24).putInt(0).putInt(0).putInt(41).putInt(0).putLong(0xdeadc0defacecafeL)));
        assertEquals("bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, attach_type=BPF_PERF_EVENT, flags=0, "
                + "perf_event={bpf_cookie=0xdeadc0defacecafe}}}, 24) = -1 errno 22", m.line("bpf", -22, LINK_CREATE, attr, 24));
        long other = m.put(bytes(SyscallLines.le(24).putInt(0).putInt(0).putInt(1).putInt(0).putLong(1)));
        assertEquals("bpf(BPF_LINK_CREATE, {link_create={prog_fd=0, target_fd=0, attach_type=BPF_CGROUP_INET_EGRESS, flags=0}, ...}, 24)"
                + " = -1 errno 22", m.line("bpf", -22, LINK_CREATE, other, 24));
    }

    @Test
    void aReturnedFdPastIntIsANumber() {
        SyscallLines m = new SyscallLines();
        long attr = m.put(new byte[4]);
        assertEquals("bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_UNSPEC, key_size=0, value_size=0, max_entries=0}, 4) = 841540765612359407",
                m.line("bpf", 841540765612359407L, MAP_CREATE, attr, 4));
    }
}

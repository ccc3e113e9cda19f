package io.jstrace.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** perf_event_open's struct perf_event_attr as strace 6.1's perf.c prints it, abbreviated and with -v. */
class PerfAttrTest {
    private static final long CLOEXEC = 8, E2BIG = -7, EINVAL = -22;

    /** An attr of {@code size} bytes: type, size field, config, period, sample_type, read_format, the bit fields, then {@code rest} from byte 48. */
    private static ByteBuffer attr(int bytes, int type, int sizeField, long config, long sampleType, long bits) {
        return SyscallLines.le(bytes).putInt(type).putInt(sizeField).putLong(config).putLong(1000)
                .putLong(sampleType).putLong(0).putLong(bits);
    }

    @Test
    void softwareCounterAbbreviated() {
        SyscallLines m = new SyscallLines();
        // disabled (bit 0), exclude_kernel (5), exclude_hv (6): the flags shown without -v are the set ones.
        long a = m.put(attr(128, 1, 128, 1, 0, 0x61).array());
        assertEquals("perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_TASK_CLOCK, "
                + "sample_period=1000, sample_type=0, read_format=0, disabled=1, exclude_kernel=1, exclude_hv=1, "
                + "precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC) = 3",
                m.line("perf_event_open", 3, a, 0, -1, -1, CLOEXEC));
    }

    @Test
    void bitFieldsAfterPreciseIpAndReservedBits() {
        SyscallLines m = new SyscallLines();
        // freq (bit 10) names the period sample_freq; precise_ip=2 (bits 15-16); sigtrap (37); bits 38.. reserved.
        long bits = 1L << 10 | 2L << 15 | 1L << 37 | 5L << 38;
        long a = m.put(attr(64, 0, 64, 0x1234_0000_0004L, 1 << 11, bits).array());
        assertEquals("perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER0, "
                + "config=0x1234<<32|PERF_COUNT_HW_BRANCH_INSTRUCTIONS, sample_freq=1000, sample_type=PERF_SAMPLE_BRANCH_STACK, "
                + "read_format=0, freq=1, precise_ip=2 /* requested to have 0 skid */, sigtrap=1, "
                + "__reserved_1=0x5 /* Bits 63..38 */, ...}, -1, 0, -1, 0) = -1 errno 22",
                m.line("perf_event_open", EINVAL, a, -1, 0, -1, 0));
    }

    @Test
    void verboseStopsWhereTheSizeEnds() {
        SyscallLines m = new SyscallLines(SyscallLines.options(true, DecodeOptions.Xstyle.ABBREV));
        // A cache event (op result MISS, op WRITE, cache LL) in a struct of the second version's 72 bytes.
        long a = m.put(attr(72, 3, 72, 0x010102, 0, 0).putInt(7).putInt(0).putLong(0xabc).putLong(0xdef).array());
        assertEquals("perf_event_open({type=PERF_TYPE_HW_CACHE, size=PERF_ATTR_SIZE_VER1, config=PERF_COUNT_HW_CACHE_RESULT_MISS<<16"
                + "|PERF_COUNT_HW_CACHE_OP_WRITE<<8|PERF_COUNT_HW_CACHE_LL, sample_period=1000, sample_type=0, read_format=0, "
                + "disabled=0, inherit=0, pinned=0, exclusive=0, exclude_user=0, exclude_kernel=0, exclude_hv=0, exclude_idle=0, "
                + "mmap=0, comm=0, freq=0, inherit_stat=0, enable_on_exec=0, task=0, watermark=0, precise_ip=0 /* arbitrary skid */, "
                + "mmap_data=0, sample_id_all=0, exclude_host=0, exclude_guest=0, exclude_callchain_kernel=0, "
                + "exclude_callchain_user=0, mmap2=0, comm_exec=0, use_clockid=0, context_switch=0, write_backward=0, "
                + "namespaces=0, ksymbol=0, bpf_event=0, aux_output=0, cgroup=0, text_poke=0, build_id=0, inherit_thread=0, "
                + "remove_on_exec=0, sigtrap=0, wakeup_events=7, config1=0xabc, config2=0xdef}, 0, -1, -1, 0) = 3",
                m.line("perf_event_open", 3, a, 0, -1, -1, 0));
    }

    @Test
    void breakpointAndTheTailWithReservedBytes() {
        SyscallLines m = new SyscallLines(SyscallLines.options(true, DecodeOptions.Xstyle.ABBREV));
        // bp_type 5 (R|X: invalid), use_clockid (bit 25) with CLOCK_MONOTONIC, __reserved_2 and __reserved_3 set.
        ByteBuffer b = attr(128, 5, 128, 0, 0, 1L << 25).putInt(1).putInt(5).putLong(0x1000).putLong(8)
                .putLong(0).putLong(0).putInt(0).putInt(1).putLong(0).putInt(9).putShort((short) 3).putShort((short) 0x100)
                .putInt(4).putInt(0xff).putLong(0x42);
        String line = m.line("perf_event_open", 3, m.put(b.array()), 0, -1, -1, 0);
        String tail = line.substring(line.indexOf("sigtrap=0"));
        assertEquals("sigtrap=0, wakeup_events=1, bp_type=0x5 /* HW_BREAKPOINT_INVALID */, bp_addr=0x1000, bp_len=8, "
                + "sample_regs_user=0, clockid=CLOCK_MONOTONIC, sample_regs_intr=0, aux_watermark=9, "
                + "sample_max_stack=3 /* bytes 110..111: 0x100 */, aux_sample_size=4 /* bytes 116..119: 0xff */, "
                + "sig_data=0x42}, 0, -1, -1, 0) = 3", tail);
    }

    @Test
    void sizeTheKernelWritesBackAfterE2big() {
        SyscallLines m = new SyscallLines();
        long a = m.put(attr(160, 2, 0xa0, 77, 0, 0).array());
        m.fillAtExit(a + 4, SyscallLines.le(4).putInt(0x88).array());
        assertEquals("perf_event_open({type=PERF_TYPE_TRACEPOINT, size=0xa0 /* PERF_ATTR_SIZE_??? */ => 0x88 /* PERF_ATTR_SIZE_??? */, "
                + "config=77, sample_period=1000, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, "
                + "0, -1, -1, 0) = -1 errno 7", m.line("perf_event_open", E2BIG, a, 0, -1, -1, 0));
    }

    @Test
    void addressWhenTooSmallOrUnreadable() {
        SyscallLines m = new SyscallLines();
        long small = m.put(attr(64, 1, 32, 0, 0, 0).array());
        assertEquals("perf_event_open(0x" + Long.toHexString(small) + ", 0, -1, -1, 0) = -1 errno 7",
                m.line("perf_event_open", E2BIG, small, 0, -1, -1, 0));
        // 56 readable bytes of a 64-byte struct: enough for the abbreviated form (48), not for -v's.
        SyscallLines v = new SyscallLines(SyscallLines.options(true, DecodeOptions.Xstyle.ABBREV));
        long end = v.putAtEnd(attr(56, 1, 64, 0, 0, 0).array());
        assertEquals("perf_event_open(0x" + Long.toHexString(end) + ", 0, -1, -1, 0) = -1 errno 14",
                v.line("perf_event_open", -14, end, 0, -1, -1, 0));
        long endToo = m.putAtEnd(attr(56, 1, 64, 0, 0, 0).array());
        assertEquals("perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER0, config=PERF_COUNT_SW_CPU_CLOCK, "
                + "sample_period=1000, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, 0) "
                + "= -1 errno 14", m.line("perf_event_open", -14, endToo, 0, -1, -1, 0));
        assertEquals("perf_event_open(NULL, 0, -1, -1, 0) = -1 errno 22", m.line("perf_event_open", EINVAL, 0, 0, -1, -1, 0));
    }
}

package io.jstrace.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.jstrace.decode.DecodeOptions.Xstyle.RAW;
import static io.jstrace.decode.DecodeOptions.Xstyle.VERBOSE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** prctl and arch_prctl as strace 6.1 prints them (the lines its test suite expects). */
class PrctlDecoderTest {
    private static final long EFAULT = -14;

    private static SyscallLines raw() {
        return new SyscallLines(SyscallLines.options(false, RAW));
    }

    private static SyscallLines verbose() {
        return new SyscallLines(SyscallLines.options(false, VERBOSE));
    }

    @Test
    void optionsWithoutArguments() {
        SyscallLines m = new SyscallLines();
        assertEquals("prctl(PR_GET_KEEPCAPS) = 0", m.line("prctl", 0, 7, 1, 2, 3, 4));
        assertEquals("prctl(PR_SVE_GET_VL) = -1 errno 22", m.line("prctl", -22, 51));
        assertEquals("prctl(0xbadc0ded /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 errno 22", m.line("prctl", -22, 0xbadc0dedL, 1, 2, 3, 4));
    }

    @Test
    void names() {
        SyscallLines m = new SyscallLines();
        long fifteen = m.putAtEnd("123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        assertEquals("prctl(PR_SET_NAME, \"123456789abcdef\"...) = 0", m.line("prctl", 0, 15, fifteen));
        assertEquals("prctl(PR_SET_NAME, 0x" + Long.toHexString(fifteen + 1) + ") = -1 errno 14",
                m.line("prctl", EFAULT, 15, fifteen + 1));
        long buf = m.put(new byte[16]);
        m.fillAtExit(buf, "jstrace\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("prctl(PR_GET_NAME, \"jstrace\") = 0", m.line("prctl", 0, 16, buf));
        assertEquals("prctl(PR_GET_NAME, NULL) = -1 errno 14", m.line("prctl", EFAULT, 16, 0));
    }

    @Test
    void outputIntegers() {
        SyscallLines m = new SyscallLines();
        long p = m.put(SyscallLines.le(4).putInt(10).array());
        assertEquals("prctl(PR_GET_PDEATHSIG, [SIGUSR1]) = 0", m.line("prctl", 0, 2, p));
        assertEquals("prctl(PR_GET_PDEATHSIG, 0x" + Long.toHexString(p) + ") = -1 errno 14", m.line("prctl", EFAULT, 2, p));
        assertEquals("prctl(PR_GET_TSC, [0xa /* PR_TSC_??? */]) = 0", m.line("prctl", 0, 25, p));
        assertEquals("prctl(PR_GET_UNALIGN, [PR_UNALIGN_SIGBUS|0x8]) = 0", m.line("prctl", 0, 5, p));
    }

    @Test
    void capabilitiesAndPolicies() {
        SyscallLines m = new SyscallLines();
        assertEquals("prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0) = 0", m.line("prctl", 0, 47, 2, 13));
        assertEquals("prctl(PR_CAP_AMBIENT, 0xff /* PR_CAP_AMBIENT_??? */, 0xaaaa, 0, 0) = 0", m.line("prctl", 0, 47, 0xff, 0xaaaa));
        assertEquals("prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_LATE, 0, 0) = 0", m.line("prctl", 0, 33, 1, 0));
        assertEquals("prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 2 (PR_MCE_KILL_DEFAULT)", m.line("prctl", 2, 34));
        assertEquals("prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = 0", m.line("prctl", 0, 0x59616d61, 0xffffffffL));
        assertEquals("prctl(0x59616d61 /* PR_SET_PTRACER */, -1 /* PR_SET_PTRACER_ANY */) = 0",
                verbose().line("prctl", 0, 0x59616d61, 0xffffffffL));
    }

    @Test
    void returnValuesInHex() {
        SyscallLines m = new SyscallLines();
        assertEquals("prctl(PR_GET_SECUREBITS) = 0x11 (SECBIT_NOROOT|SECBIT_KEEP_CAPS)", m.line("prctl", 0x11, 27));
        assertEquals("prctl(PR_GET_SECUREBITS) = 0", m.line("prctl", 0, 27));
        assertEquals("prctl(0x1b /* PR_GET_SECUREBITS */) = 0x11 (SECBIT_NOROOT|SECBIT_KEEP_CAPS)",
                verbose().line("prctl", 0x11, 27));
        assertEquals("prctl(0x1b) = 0x11", raw().line("prctl", 0x11, 27));
    }

    @Test
    void vectorLengthsAndTags() {
        SyscallLines m = new SyscallLines();
        assertEquals("prctl(PR_SVE_SET_VL, PR_SVE_VL_INHERIT|0xea57) = 0x20010 (PR_SVE_VL_INHERIT|0x10)",
                m.line("prctl", 0x20010, 50, 0x2ea57));
        assertEquals("prctl(0x32 /* PR_SVE_SET_VL */, 0x10000 /* 0x10000|0 */) = -1 errno 22",
                verbose().line("prctl", -22, 50, 0x10000));
        assertEquals("prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0x1<<PR_MTE_TAG_SHIFT, 0, 0, 0) = 0",
                m.line("prctl", 0, 55, 0xd));
        assertEquals("prctl(0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0 /* !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE */, 0x1, 0x2, 0x3) = 0",
                verbose().line("prctl", 0, 55, 0, 1, 2, 3));
    }

    @Test
    void schedCorePidTypesAlwaysCommented() {
        SyscallLines m = new SyscallLines();
        long p = m.put(SyscallLines.le(8).putLong(0xabcL).array());
        assertEquals("prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 42, 0x1 /* PIDTYPE_TGID */, [0xabc]) = 0",
                m.line("prctl", 0, 62, 0, 42, 1, p));
        assertEquals("prctl(0x3e, 0x1, 42, 0x1, NULL) = 0", raw().line("prctl", 0, 62, 1, 42, 1, 0));
    }

    @Test
    void seccompFilter() {
        SyscallLines m = new SyscallLines(SyscallLines.options(true, DecodeOptions.Xstyle.ABBREV));
        long insns = m.put(SyscallLines.le(16)
                .putShort((short) 0x20).put((byte) 0).put((byte) 0).putInt(0)          // ld [0]
                .putShort((short) 0x06).put((byte) 0).put((byte) 0).putInt(0x50001)    // ret ERRNO|1
                .array());
        long prog = m.put(SyscallLines.le(16).putShort((short) 2).putShort((short) 0).putInt(0).putLong(insns).array());
        assertEquals("prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=2, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), "
                + "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x1)]}) = 0", m.line("prctl", 0, 22, 2, prog));
    }

    @Test
    void archPrctl() {
        SyscallLines m = new SyscallLines();
        long p = m.put(SyscallLines.le(8).putLong(0xe7).array());
        assertEquals("arch_prctl(ARCH_GET_XCOMP_SUPP, [0xe7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|XFEATURE_MASK_AVX512 */]) = 0",
                m.line("arch_prctl", 0, 0x1021, p));
        assertEquals("arch_prctl(ARCH_REQ_XCOMP_PERM, 0x12 /* XFEATURE_XTILE_DATA */) = 0x60003 "
                + "(XFEATURE_MASK_FPSSE|XFEATURE_MASK_XTILE)", new SyscallLines().line("arch_prctl", 0x60003, 0x1023, 0x12));
        assertEquals("arch_prctl(ARCH_GET_CPUID) = 1", m.line("arch_prctl", 1, 0x1011, p));
        assertEquals("arch_prctl(ARCH_GET_FS, NULL) = -1 errno 14", m.line("arch_prctl", EFAULT, 0x1003, 0));
        SyscallLines r = raw();
        assertEquals("arch_prctl(0x1021, [0xe7]) = 0", r.line("arch_prctl", 0, 0x1021, r.put(SyscallLines.le(8).putLong(0xe7).array())));
    }
}

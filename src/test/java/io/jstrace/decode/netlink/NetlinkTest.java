package io.jstrace.decode.netlink;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.Pids;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Message headers, arrays of messages, nlmsgerr and NLMSG_DONE, truncation and unreadable memory. */
class NetlinkTest {
    private static final int ROUTE = 0, SOCK_DIAG = 4, UNKNOWN = -1;
    private static final String NOOP = "{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=0, nlmsg_pid=0}";

    @Test
    void oneHeaderAlone() {
        assertEquals(NOOP, new Wire().hdr(16, 1, 0x301, 0, 0).decode(UNKNOWN));
    }

    @Test
    void payloadAfterTheHeaderInBrackets() {
        Wire w = new Wire().hdr(20, 1, 0x301, 0, 0).str("abcd");
        assertEquals("[{nlmsg_len=20, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=0, nlmsg_pid=0}, "
                + "\"\\x61\\x62\\x63\\x64\"]", w.decode(UNKNOWN));
    }

    @Test
    void senderPortIdIsAPid() {
        Pids tracee2is1234 = new Pids() {
            @Override
            public int translate(int tid, int pid, Type type) {
                return pid == 2 ? 1234 : 0;
            }

            @Override
            public String comm(int pid) {
                return null;
            }
        };
        DecodeOptions d = DecodeOptions.DEFAULT;
        DecodeOptions ns = new DecodeOptions(d.stringLimit(), d.verbose(), d.fdDetail(), d.xstyle(), d.structs(), false, true, false);
        assertEquals("{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=2 /* 1234 in strace's PID NS */}",
                new Wire().hdr(16, 1, 0, 0, 2).decode(UNKNOWN, ns, 16, tracee2is1234));
    }

    @Test
    void shorterThanAHeaderIsHex() {
        assertEquals("\"\\x61\\x62\\x63\\x64\"", new Wire().str("abcd").decode(UNKNOWN));
    }

    @Test
    void unreadableHeaderIsItsAddress() {
        // 16 bytes asked for, 8 readable
        Wire w = new Wire().zeros(8);
        assertEquals("0x" + Long.toHexString(w.base()), w.decode(UNKNOWN, DecodeOptions.DEFAULT, 16));
        // a second header past readable memory: "..." and its address
        assertEquals("[{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, ... /* "
                + Wire.END_HEX + " */]", new Wire().hdr(16, 1, 0, 0, 0).decode(UNKNOWN, DecodeOptions.DEFAULT, 32));
    }

    @Test
    void lengthsFarPastTheBufferReadNothingThere() {
        // a 2 GiB message in a "1 TiB" buffer: the next header lies in memory no one can read
        Wire w = new Wire().hdr(0x7ffffff0, 1, 0, 0, 0);
        assertEquals("[[{nlmsg_len=2147483632, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, 0x"
                + Long.toHexString(w.base() + 16) + "], ... /* 0x" + Long.toHexString(w.base() + 0x7ffffff0) + " */]",
                w.decode(UNKNOWN, DecodeOptions.DEFAULT, 1L << 40));
    }

    @Test
    void atMostStringLimitMessagesWithoutVerbose() {
        Wire w = new Wire();
        for (int i = 0; i < 33; i++) {
            w.hdr(16, 1, 0, i, 0);
        }
        String text = w.decode(UNKNOWN);
        assertEquals(true, text.endsWith("nlmsg_seq=31, nlmsg_pid=0}, ...]"), text);
    }

    @Test
    void errorWithTheRequestItAnswers() {
        Wire w = new Wire().hdr(36, 2, 0, 0, 0).u32(-13).hdr(16, 1, 0x301, 42, 1234);
        assertEquals("[{nlmsg_len=36, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, "
                + "{error=-EACCES, msg={nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x300, "
                + "nlmsg_seq=42, nlmsg_pid=1234}}]", w.decode(ROUTE));
        assertEquals(true, w.decode(ROUTE, Wire.style(DecodeOptions.Xstyle.RAW), w.size()).contains("{error=-13, msg="));
    }

    @Test
    void cappedErrorWithExtendedAck() {
        // NLM_F_CAPPED: only the request's header; then NLMSGERR_ATTR_MSG
        Wire w = new Wire().hdr(44, 2, 0x100, 0, 0).u32(-22).hdr(40, 18, 1, 0, 0).nla(8, 1).str("bad\0");
        assertEquals("[{nlmsg_len=44, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED, nlmsg_seq=0, nlmsg_pid=0}, "
                + "[{error=-EINVAL, msg={nlmsg_len=40, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, "
                + "nlmsg_pid=0}}, [{nla_len=8, nla_type=NLMSGERR_ATTR_MSG}, \"bad\"]]]", w.decode(ROUTE));
    }

    @Test
    void doneCarriesAnInteger() {
        assertEquals("[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=0, nlmsg_pid=0}, 0]",
                new Wire().hdr(20, 3, 2, 0, 0).u32(0).decode(SOCK_DIAG));
    }

    @Test
    void typesAndFlagsByProtocol() {
        assertEquals("{nlmsg_len=16, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=0, "
                + "nlmsg_pid=0}", new Wire().hdr(16, 20, 0x301, 0, 0).decode(SOCK_DIAG));
        assertEquals("{nlmsg_len=16, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_EXCL|NLM_F_CREATE, "
                + "nlmsg_seq=0, nlmsg_pid=0}", new Wire().hdr(16, 16, 0x601, 0, 0).decode(ROUTE));
        assertEquals("{nlmsg_len=16, nlmsg_type=0x7f /* RTM_??? */, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}",
                new Wire().hdr(16, 0x7f, 0, 0, 0).decode(ROUTE));
        assertEquals("{nlmsg_len=16, nlmsg_type=XFRM_MSG_NEWSA, nlmsg_flags=NLM_F_REPLACE, nlmsg_seq=0, nlmsg_pid=0}",
                new Wire().hdr(16, 0x10, 0x100, 0, 0).decode(6));
        assertEquals("{nlmsg_len=16, nlmsg_type=AUDIT_GET, nlmsg_flags=0x100 /* NLM_F_??? */, nlmsg_seq=0, nlmsg_pid=0}",
                new Wire().hdr(16, 1000, 0x100, 0, 0).decode(9));
        assertEquals("{nlmsg_len=16, nlmsg_type=nlctrl, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}",
                new Wire().hdr(16, 0x10, 0, 0, 0).decode(16));
    }
}

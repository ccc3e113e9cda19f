package io.jstrace.decode.netlink;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NETLINK_NETFILTER, NETLINK_SELINUX, NETLINK_CRYPTO and NETLINK_KOBJECT_UEVENT bodies. */
class FamiliesTest {
    private static final int SELINUX = 7, NETFILTER = 12, UEVENT = 15, CRYPTO = 21;

    @Test
    void netfilterTypesAndNfgenmsg() {
        // NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET with an unnamed attribute
        Wire w = new Wire().hdr(28, 0x101, 0x301, 0, 0).u8(2).u8(0).u8(0).u8(5).nla(8, 3).u32(7);
        assertEquals("[{nlmsg_len=28, nlmsg_type=NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET, "
                + "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {nfgen_family=AF_INET, "
                + "version=NFNETLINK_V0, res_id=htons(5)}, [{nla_len=8, nla_type=0x3}, \"\\x07\\x00\\x00\\x00\"]]",
                w.decode(NETFILTER));
        assertEquals("{nlmsg_len=16, nlmsg_type=NFNL_MSG_BATCH_BEGIN, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}",
                new Wire().hdr(16, 0x10, 0, 0, 0).decode(NETFILTER));
        assertEquals(true, new Wire().hdr(20, 0xa00, 0, 0, 0).u8(0).u8(0).u16(0xa00).decode(NETFILTER)
                .contains("res_id=htons(NFNL_SUBSYS_NFTABLES)"));
        assertEquals("{nlmsg_len=16, nlmsg_type=0xff /* NFNL_SUBSYS_??? */<<8|0xff, nlmsg_flags=0, nlmsg_seq=0, "
                + "nlmsg_pid=0}", new Wire().hdr(16, 0xffff, 0, 0, 0).decode(NETFILTER));
    }

    @Test
    void selinuxStructs() {
        assertEquals("[{nlmsg_len=20, nlmsg_type=SELNL_MSG_SETENFORCE, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, "
                + "{val=-1}]", new Wire().hdr(20, 0x10, 0, 0, 0).u32(-1).decode(SELINUX));
        assertEquals("[{nlmsg_len=19, nlmsg_type=SELNL_MSG_POLICYLOAD, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, "
                + "\"\\x61\\x62\\x63\"]", new Wire().hdr(19, 0x11, 0, 0, 0).str("abc").decode(SELINUX));
    }

    @Test
    void cryptoAlgorithm() {
        Wire w = new Wire().hdr(16 + 224, 0x13, 1, 0, 0).str("sha1").zeros(60).zeros(64).zeros(64)
                .u32(0).u32(0).u32(1).u32(0);
        assertEquals("[{nlmsg_len=240, nlmsg_type=CRYPTO_MSG_GETALG, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, "
                + "nlmsg_pid=0}, {cru_name=\"sha1\", cru_driver_name=\"\", cru_module_name=\"\", cru_type=0, cru_mask=0, "
                + "cru_refcnt=1, cru_flags=0}]", w.decode(CRYPTO));
    }

    @Test
    void udevMessageAndKernelUevent() {
        Wire udev = new Wire().str("libudev\0").u32(0xcafe1dea).u32(40).u32(40).u32(4).zeros(16).str("A=b\0");
        Value v = Netlink.decode(Wire.call(udev.array(), DecodeOptions.DEFAULT), UEVENT, udev.base(), udev.size());
        assertEquals("[{prefix=\"libudev\", magic=htonl(0xea1dfeca), header_size=40, properties_off=40, "
                + "properties_len=4, filter_subsystem_hash=htonl(0), filter_devtype_hash=htonl(0), "
                + "filter_tag_bloom_hi=htonl(0), filter_tag_bloom_lo=htonl(0)}, \"A=b\\0\"]",
                new ValueText(ValueText.Hex.NONE).format(v));
        assertEquals("\"add@/devices\\0ACTION=add\\0\"", new Wire().str("add@/devices\0ACTION=add\0").decode(UEVENT));
    }
}

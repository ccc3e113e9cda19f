package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * The address families of newer kernel subsystems, as strace 6.1's sockaddr.c prints them:
 * IEEE 802.15.4, crypto (ALG), NFC, VSOCK, Qualcomm IPC router, XDP and MCTP. Each printer gets
 * the address zero-padded past its length, as strace reads it.
 */
final class NetSockaddrNew {
    private NetSockaddrNew() {}

    static final Layout IEEE802154 = Layout.of("sockaddr_ieee802154"), ALG = Layout.of("sockaddr_alg_new"),
            NFC = Layout.of("sockaddr_nfc"), NFC_LLCP = Layout.of("sockaddr_nfc_llcp"), VSOCK = Layout.of("sockaddr_vm"),
            QRTR = Layout.of("sockaddr_qrtr"), XDP = Layout.of("sockaddr_xdp"), MCTP = Layout.of("sockaddr_mctp");
    private static final Layout.Field ADDR_TYPE = IEEE802154.field("addr.addr_type"), PAN_ID = IEEE802154.field("addr.pan_id"),
            HWADDR = IEEE802154.field("addr.hwaddr"), SHORT_ADDR = IEEE802154.field("addr.short_addr"),
            SALG_TYPE = ALG.field("salg_type"), SALG_FEAT = ALG.field("salg_feat"), SALG_MASK = ALG.field("salg_mask"),
            SALG_NAME = ALG.field("salg_name[0]"),
            DEV_IDX = NFC.field("dev_idx"), TARGET_IDX = NFC.field("target_idx"), NFC_PROTOCOL = NFC.field("nfc_protocol"),
            DSAP = NFC_LLCP.field("dsap"), SSAP = NFC_LLCP.field("ssap"), SERVICE_NAME = NFC_LLCP.field("service_name"),
            SERVICE_NAME_LEN = NFC_LLCP.field("service_name_len"),
            SVM_RESERVED1 = VSOCK.field("svm_reserved1"), SVM_PORT = VSOCK.field("svm_port"), SVM_CID = VSOCK.field("svm_cid"),
            SVM_FLAGS = VSOCK.field("svm_flags"), SVM_ZERO = VSOCK.field("svm_zero"),
            SQ_NODE = QRTR.field("sq_node"), SQ_PORT = QRTR.field("sq_port"),
            SXDP_FLAGS = XDP.field("sxdp_flags"), SXDP_IFINDEX = XDP.field("sxdp_ifindex"),
            SXDP_QUEUE_ID = XDP.field("sxdp_queue_id"), SXDP_SHARED_UMEM_FD = XDP.field("sxdp_shared_umem_fd"),
            SMCTP_PAD0 = MCTP.field("__smctp_pad0"), SMCTP_NETWORK = MCTP.field("smctp_network"),
            SMCTP_ADDR = MCTP.field("smctp_addr.s_addr"), SMCTP_TYPE = MCTP.field("smctp_type"),
            SMCTP_TAG = MCTP.field("smctp_tag"), SMCTP_PAD1 = MCTP.field("__smctp_pad1");

    private static final int IEEE802154_ADDR_NONE = 0, IEEE802154_ADDR_SHORT = 2;
    private static final long XDP_SHARED_UMEM = 1;

    static void ieee802154(Bytes b, int len, List<Value.Field> f) {
        List<Value.Field> a = new ArrayList<>();
        long type = b.u(ADDR_TYPE);
        a.add(field("addr_type", always("ieee802154_addr_types", type, "IEEE802154_ADDR_???")));
        a.add(field("pan_id", always("ieee802154_pan_ids", b.u(PAN_ID), null)));
        if (type == IEEE802154_ADDR_SHORT) {
            a.add(field("short_addr", always("ieee802154_addrs", b.u(SHORT_ADDR), null)));
        } else if (type != IEEE802154_ADDR_NONE) {
            a.add(field("hwaddr", NetSockaddr.hwaddr(Arrays.copyOfRange(b.b(), HWADDR.offset(), HWADDR.offset() + HWADDR.size()))));
        }
        f.add(field("addr", new Value.Struct(a, false)));
    }

    /** struct sockaddr_alg_new: the name runs to the end of the address. */
    static void alg(Bytes b, int len, List<Value.Field> f) {
        f.add(field("salg_type", NetSockaddr.cstring(b, SALG_TYPE.offset(), SALG_TYPE.size())));
        f.add(field("salg_feat", new Value.Explained(Decode.flags("alg_sockaddr_flags", b.u(SALG_FEAT), "CRYPTO_ALG_???"))));
        f.add(field("salg_mask", new Value.Explained(Decode.flags("alg_sockaddr_flags", b.u(SALG_MASK), "CRYPTO_ALG_???"))));
        f.add(field("salg_name", NetSockaddr.cstring(b, SALG_NAME.offset(), len - SALG_NAME.offset())));
    }

    /** struct sockaddr_nfc, and the LLCP fields when the address is as long as struct sockaddr_nfc_llcp. */
    static void nfc(Bytes b, int len, List<Value.Field> f) {
        f.add(field("dev_idx", NetSockaddr.ifindex(b.u(DEV_IDX))));
        f.add(field("target_idx", Value.Num.hex(b.u(TARGET_IDX))));
        f.add(field("nfc_protocol", Decode.sym("nfc_sockaddr_protocols", b.u(NFC_PROTOCOL), Value.Radix.HEX, "NFC_PROTO_???")));
        if (len < NFC_LLCP.size()) {
            if (len > NFC.size()) {
                f.add(field(null, Value.ELLIPSIS));
            }
            return;
        }
        long nameLen = b.u(SERVICE_NAME_LEN);
        f.add(field("dsap", always("nfc_saps", b.u(DSAP), null)));
        f.add(field("ssap", always("nfc_saps", b.u(SSAP), null)));
        int shown = (int) Math.min(SERVICE_NAME.size(), Long.compareUnsigned(nameLen, SERVICE_NAME.size()) < 0 ? nameLen : SERVICE_NAME.size());
        f.add(field("service_name", new Value.Str(Arrays.copyOfRange(b.b(), SERVICE_NAME.offset(), SERVICE_NAME.offset() + shown), false)));
        f.add(field("service_name_len", Value.Num.udec(nameLen)));
    }

    static void vsock(Bytes b, int len, List<Value.Field> f) {
        if (b.u(SVM_RESERVED1) != 0) {
            f.add(field("svm_reserved1", Value.Num.hex(b.u(SVM_RESERVED1))));
        }
        f.add(field("svm_cid", Decode.sym("vsock_cids", b.u(SVM_CID), Value.Radix.HEX, null)));
        f.add(field("svm_port", Decode.sym("vsock_ports", b.u(SVM_PORT), Value.Radix.HEX, null)));
        f.add(field("svm_flags", Decode.flags("vsock_flags", b.u(SVM_FLAGS), "VMADDR_FLAG_???")));
        byte[] zero = Arrays.copyOfRange(b.b(), SVM_ZERO.offset(), SVM_ZERO.offset() + SVM_ZERO.size());
        if (!Arrays.equals(zero, new byte[zero.length])) {
            f.add(field("svm_zero", new Value.Str(zero, false, true)));
        }
    }

    static void qrtr(Bytes b, int len, List<Value.Field> f) {
        f.add(field("sq_node", Decode.sym("qipcrtr_nodes", b.u(SQ_NODE), Value.Radix.HEX, null)));
        f.add(field("sq_port", Decode.sym("qipcrtr_ports", b.u(SQ_PORT), Value.Radix.HEX, null)));
    }

    /** struct sockaddr_xdp: the umem fd is an fd only with XDP_SHARED_UMEM. */
    static void xdp(Call c, Bytes b, int len, List<Value.Field> f) {
        long flags = b.u(SXDP_FLAGS);
        f.add(field("sxdp_flags", Decode.flags("xdp_sockaddr_flags", flags, "XDP_???")));
        f.add(field("sxdp_ifindex", NetSockaddr.ifindex(b.u(SXDP_IFINDEX))));
        f.add(field("sxdp_queue_id", Value.Num.udec(b.u(SXDP_QUEUE_ID))));
        long fd = b.u(SXDP_SHARED_UMEM_FD);
        if ((flags & XDP_SHARED_UMEM) != 0) {
            f.add(field("sxdp_shared_umem_fd", Decode.fd(c, (int) fd)));
        } else if (fd != 0) {
            f.add(field("sxdp_shared_umem_fd", Value.Num.hex(fd)));
        }
    }

    static void mctp(Bytes b, int len, List<Value.Field> f) {
        if (b.u(SMCTP_PAD0) != 0) {
            f.add(field("__smctp_pad0", Value.Num.hex(b.u(SMCTP_PAD0))));
        }
        f.add(field("smctp_network", Decode.sym("mctp_nets", b.u(SMCTP_NETWORK), Value.Radix.HEX, null)));
        f.add(field("smctp_addr", Decode.struct(field("s_addr", Decode.sym("mctp_addrs", b.u(SMCTP_ADDR), Value.Radix.HEX, null)))));
        f.add(field("smctp_type", Value.Num.hex(b.u(SMCTP_TYPE))));
        f.add(field("smctp_tag", Value.Num.hex(b.u(SMCTP_TAG))));
        if (b.u(SMCTP_PAD1) != 0) {
            f.add(field("__smctp_pad1", Value.Num.hex(b.u(SMCTP_PAD1))));
        }
    }

    /** strace's PRINT_FIELD_XVAL_VERBOSE: the number with its name in a comment, whatever -X says but raw. */
    private static Value always(String table, long value, String unknown) {
        return new Value.Explained(Decode.sym(table, value, Value.Radix.HEX, unknown));
    }
}

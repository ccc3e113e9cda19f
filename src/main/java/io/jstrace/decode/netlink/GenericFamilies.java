package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.linux.Errno;
import io.jstrace.linux.NetlinkSocket;
import io.jstrace.model.Value;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * NETLINK_GENERIC message types are family ids the kernel hands out: strace asks the kernel
 * once (a CTRL_CMD_GETFAMILY dump on its own socket) and names types by the answer
 * ({@code nlctrl}), {@code GENERIC_FAMILY_???} for the rest. So do we, on first need.
 */
final class GenericFamilies {
    private GenericFamilies() {}

    private static final int NETLINK_GENERIC = 16, GENL_ID_CTRL = 0x10, CTRL_CMD_NEWFAMILY = 1,
            CTRL_CMD_GETFAMILY = 3, CTRL_ATTR_FAMILY_ID = 1, CTRL_ATTR_FAMILY_NAME = 2;
    private static final int NLM_F_REQUEST = 1, NLM_F_DUMP = 0x300;
    private static Map<Integer, String> families;

    static Value type(int type) {
        String name = families().get(type);
        if (name != null) {
            return new Value.Sym(name, type);
        }
        return NlValues.unknown(type, Value.Radix.HEX, "GENERIC_FAMILY_???");
    }

    private static synchronized Map<Integer, String> families() {
        if (families == null) {
            families = query();
        }
        return families;
    }

    private static Map<Integer, String> query() {
        Map<Integer, String> out = new HashMap<>();
        ByteBuffer req = ByteBuffer.allocate(Netlink.HDRLEN + 4).order(ByteOrder.nativeOrder());
        req.putInt(req.capacity()).putShort((short) GENL_ID_CTRL).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(0).putInt(0).put((byte) CTRL_CMD_GETFAMILY);
        try (NetlinkSocket s = NetlinkSocket.open(NETLINK_GENERIC)) {
            s.send(req.array());
            while (true) {
                Bytes in = new Bytes(s.receive());
                for (int off = 0; off + Netlink.HDRLEN <= in.length(); ) {
                    int len = in.s32(off);
                    int type = in.u16(off + 4);
                    if (len < Netlink.HDRLEN || off + len > in.length() || type == Netlink.NLMSG_DONE
                            || type == Netlink.NLMSG_ERROR) {
                        return Map.copyOf(out);
                    }
                    family(in, off + Netlink.HDRLEN, off + len, out);
                    off += (len + 3) & ~3;
                }
                if (in.length() == 0) {
                    return Map.copyOf(out);
                }
            }
        } catch (Errno e) {
            return Map.copyOf(out);
        }
    }

    /** One CTRL_CMD_NEWFAMILY answer: genlmsghdr (cmd, version 2), then its attributes. */
    private static void family(Bytes in, int at, int end, Map<Integer, String> out) {
        if (at + 4 > end || in.u8(at) != CTRL_CMD_NEWFAMILY || in.u8(at + 1) != 2) {
            return;
        }
        String name = null;
        Integer id = null;
        for (int a = at + 4; a + 4 <= end; ) {
            int len = in.u16(a);
            if (len < 4 || a + len > end) {
                return;
            }
            int type = in.u16(a + 2);
            if (type == CTRL_ATTR_FAMILY_NAME && name == null) {
                int n = a + 4;
                while (n < a + len && in.u8(n) != 0) {
                    n++;
                }
                name = new String(in.b(), a + 4, n - a - 4, StandardCharsets.ISO_8859_1);
            } else if (type == CTRL_ATTR_FAMILY_ID && id == null && len == 6) {
                id = in.u16(a + 4);
            }
            if (name != null && id != null) {
                out.putIfAbsent(id, name);
                name = null;
                id = null;
            }
            a += (len + 3) & ~3;
        }
    }
}

package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;

/**
 * What a netlink decoder knows besides the bytes: the memory window, the socket's protocol, the
 * message's type and flags, its family (the first byte of most bodies) and fixed header, and
 * what decoders earlier in the same attribute list found (strace's opaque data).
 */
final class NlCtx {
    final NlMem mem;
    /** The socket's netlink protocol, or -1 when unknown. */
    final int protocol;
    final int type;
    final int flags;
    /** The message family, or, for a table's catch-all decoder, the attribute's type (strace passes it as opaque data). */
    final int family;
    /** The message's fixed header as read (ifinfomsg, rtmsg, ...), or null. */
    final Bytes header;
    /** IFLA_INFO_KIND and IFLA_INFO_SLAVE_KIND seen so far in an IFLA_LINKINFO list. */
    String kind = "";
    String slaveKind = "";

    NlCtx(NlMem mem, int protocol, int type, int flags, int family, Bytes header) {
        this.mem = mem;
        this.protocol = protocol;
        this.type = type;
        this.flags = flags;
        this.family = family;
        this.header = header;
    }

    NlCtx withHeader(int family, Bytes header) {
        return new NlCtx(mem, protocol, type, flags, family, header);
    }

    /** A context for a nested list that keeps its own IFLA_INFO_KIND. */
    NlCtx fresh() {
        return new NlCtx(mem, protocol, type, flags, family, header);
    }
}

package io.jstrace.decode.netlink;

/** NETLINK_SOCK_DIAG's decoders of their own shape (strace's netlink_*_diag.c). */
final class DiagDecoders {
    private DiagDecoders() {}

    static AttrDecoder of(String[] p, String where) {
        throw new IllegalStateException(where + ": unknown netlink attribute decoder " + p[0]);
    }

    static Messages.Decoder message(String name) {
        throw new IllegalStateException("unknown netlink message decoder " + name);
    }
}

package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.model.Value;

import java.util.List;

/**
 * NETLINK_CRYPTO bodies (strace's decode_netlink_crypto): struct crypto_user_alg of the
 * algorithm messages, then its attributes; a body shorter than the struct prints as a string.
 */
final class CryptoMessages {
    private CryptoMessages() {}

    private static final int CRYPTO_MSG_NEWALG = 0x10, CRYPTO_MSG_DELALG = 0x11,
            CRYPTO_MSG_UPDATEALG = 0x12, CRYPTO_MSG_GETALG = 0x13;

    static List<Value> body(NlCtx ctx, long addr, int len) {
        return switch (ctx.type) {
            case CRYPTO_MSG_NEWALG, CRYPTO_MSG_DELALG, CRYPTO_MSG_UPDATEALG, CRYPTO_MSG_GETALG -> alg(ctx, addr, len);
            default -> null;
        };
    }

    private static List<Value> alg(NlCtx ctx, long addr, int len) {
        StructSpec s = NlSpec.struct("crypto_user_alg");
        List<Value> one = report(ctx, s, addr, len);
        int offset = Messages.align(s.size());
        if (!(one.get(0) instanceof Value.Struct) || len <= offset) {
            return one;
        }
        return List.of(one.get(0), Nlattr.list(ctx, addr + offset, len - offset, NlSpec.attrs("crypto_user_alg")));
    }

    /**
     * The crypto attributes' decoders: {@code crypto_report STRUCT} (a report struct, as a string
     * when too short) and {@code crypto_type} (a NUL-terminated type name: {@code type="..."}).
     */
    static AttrDecoder decoder(String[] p, String where) {
        return switch (p[0]) {
            case "crypto_report" -> (c, a, len) -> report(c, NlSpec.struct(p[1]), a, len);
            case "crypto_type" -> (c, a, len) -> List.of(io.jstrace.decode.Decode.field("type", c.mem.str(a, len, NlMem.Quote.CSTRING)));
            default -> throw new IllegalStateException(where + ": unknown netlink attribute decoder " + p[0]);
        };
    }

    /** A crypto report struct: the bytes as a string when too short, the address when unreadable. */
    static List<Value> report(NlCtx ctx, StructSpec s, long addr, int len) {
        if (len < s.size()) {
            return List.of(ctx.mem.str(addr, len, NlMem.Quote.PLAIN));
        }
        Bytes b = ctx.mem.read(addr, s.size());
        return List.of(b == null ? new Value.Unreadable(addr) : s.print(ctx, b));
    }
}

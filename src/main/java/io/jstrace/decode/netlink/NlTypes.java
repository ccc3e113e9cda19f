package io.jstrace.decode.netlink;

import io.jstrace.decode.Call;
import io.jstrace.model.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * nlmsg_type and nlmsg_flags as strace 6.1 names them per protocol: the protocol's table of
 * types (the generic families the kernel reports for NETLINK_GENERIC, subsystem and message for
 * NETLINK_NETFILTER), and besides netlink_flags the flags of new, delete or get requests the
 * message type takes. The facts are the {@code type_names} and {@code type_flags} lines of the
 * netlink data files and the netfilter subsystem list of {@link NetfilterMessages}.
 */
final class NlTypes {
    private NlTypes() {}

    static final int NETLINK_ROUTE = 0, NETLINK_SOCK_DIAG = 4, NETLINK_NETFILTER = 12, NETLINK_GENERIC = 16;
    private static final int RTM_DELACTION = 49;

    private record Names(String xlat, String dflt) {}

    private static final Map<Integer, Names> NAMES = new HashMap<>();
    /** Protocol -> type -> request flags table. */
    private static final Map<Integer, Map<Integer, String>> FLAGS = new HashMap<>();

    static {
        for (String[] l : NlSpec.directives("type_names")) {
            NAMES.put(protocol(l[0]), new Names(l[1], l[2]));
        }
        for (String[] l : NlSpec.directives("type_flags")) {
            int p = protocol(l[0]);
            for (String t : List.of(l).subList(2, l.length)) {
                FLAGS.computeIfAbsent(p, k -> new HashMap<>()).put((int) NlSpec.constant(NAMES.get(p).xlat(), t, "type_flags"), l[1]);
            }
        }
    }

    static int protocol(String name) {
        return (int) NlSpec.constant("netlink_protocols", name, "netlink data");
    }

    static Value type(Call c, int protocol, int type) {
        if (type < Netlink.NLMSG_MIN_TYPE) {
            return NlValues.xval(type, "NLMSG_???", "netlink_types");
        }
        if (protocol == NETLINK_NETFILTER) {
            return NetfilterMessages.type(type);
        }
        if (protocol == NETLINK_GENERIC) {
            return GenericFamilies.type(type);
        }
        Names n = NAMES.get(protocol);
        return n == null ? NlValues.xval(type, "NLMSG_???", "netlink_types") : NlValues.xval(type, n.dflt(), n.xlat());
    }

    static Value flags(int protocol, int type, int flags) {
        return NlValues.flags(flags, "NLM_F_???", "netlink_flags", requestFlags(protocol, type));
    }

    private static String requestFlags(int protocol, int type) {
        if (type < Netlink.NLMSG_MIN_TYPE) {
            return type == Netlink.NLMSG_ERROR ? "netlink_ack_flags" : null;
        }
        return switch (protocol) {
            case NETLINK_ROUTE -> type == RTM_DELACTION ? "netlink_get_flags" : switch (type & 3) {
                case 0 -> "netlink_new_flags";
                case 1 -> "netlink_delete_flags";
                case 2 -> "netlink_get_flags";
                default -> null;
            };
            case NETLINK_SOCK_DIAG -> "netlink_get_flags";
            case NETLINK_NETFILTER -> NetfilterMessages.requestFlags(type);
            default -> FLAGS.getOrDefault(protocol, Map.of()).get(type);
        };
    }
}

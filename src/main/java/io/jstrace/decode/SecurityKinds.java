package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.List;

/** Kinds for seccomp(2) and the landlock calls, as strace's seccomp.c and landlock.c print them. */
final class SecurityKinds implements KindFamily {
    private static final int SECCOMP_SET_MODE_FILTER = 1, SECCOMP_GET_ACTION_AVAIL = 2, SECCOMP_GET_NOTIF_SIZES = 3;
    private static final long LANDLOCK_RULE_PATH_BENEATH = 1, LANDLOCK_CREATE_RULESET_VERSION = 1;
    private static final Layout NOTIF_SIZES = Layout.of("seccomp_notif_sizes"),
            RULESET = Layout.of("landlock_ruleset_attr"), PATH_BENEATH = Layout.of("landlock_path_beneath_attr");
    private static final Layout.Field HANDLED = RULESET.field("handled_access_fs"),
            ALLOWED = PATH_BENEATH.field("allowed_access"), PARENT_FD = PATH_BENEATH.field("parent_fd");
    private static final List<String> NOTIF_FIELDS = List.of("seccomp_notif", "seccomp_notif_resp", "seccomp_data");

    @Override
    public void register(Kinds k) {
        k.arg("seccomp_op", (c, i) -> Decode.sym("seccomp_ops", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "SECCOMP_SET_MODE_???"));
        k.arg("seccomp_flags", (c, i) -> (int) c.arg(0) == SECCOMP_SET_MODE_FILTER
                ? Decode.flags("seccomp_filter_flags", c.arg(i) & 0xffffffffL, "SECCOMP_FILTER_FLAG_???")
                : Value.Num.hex(c.arg(i) & 0xffffffffL));
        // SECCOMP_GET_NOTIF_SIZES fills its struct; the other operations only read theirs.
        k.arg("seccomp_args", ArgKind.atExit(SecurityKinds::seccompArgs));
        k.arg("landlock_ruleset_attr", (c, i) -> rulesetAttr(c, c.arg(i), c.arg(i + 1)));
        k.arg("landlock_create_flags", (c, i) -> Decode.flags("landlock_create_ruleset_flags", c.arg(i) & 0xffffffffL,
                "LANDLOCK_CREATE_RULESET_???"));
        // LANDLOCK_CREATE_RULESET_VERSION makes landlock_create_ruleset return the ABI version, not an fd.
        k.ret("landlock_ruleset", c -> (c.arg(2) & LANDLOCK_CREATE_RULESET_VERSION) != 0
                ? Value.Num.dec(c.ret()) : Decode.fd(c, (int) c.ret()));
        k.arg("landlock_rule_type", (c, i) -> Decode.sym("landlock_rule_types", c.arg(i) & 0xffffffffL,
                Value.Radix.HEX, "LANDLOCK_RULE_???"));
        k.arg("landlock_rule_attr", (c, i) -> (c.arg(1) & 0xffffffffL) == LANDLOCK_RULE_PATH_BENEATH
                ? pathBeneath(c, c.arg(i)) : Decode.ptr(c.arg(i)));
    }

    private static Value seccompArgs(Call c, int i) {
        long addr = c.arg(i);
        switch ((int) c.arg(0)) {
            case SECCOMP_GET_ACTION_AVAIL -> {
                Bytes b = Decode.struct(c, addr, 4);
                return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Decode.sym("seccomp_ret_action", b.u32(0),
                        Value.Radix.HEX, "SECCOMP_RET_???")), false);
            }
            case SECCOMP_GET_NOTIF_SIZES -> {
                Bytes b = Decode.outStruct(c, addr, NOTIF_SIZES.size());
                if (b == null) {
                    return Decode.ptr(addr);
                }
                return new Value.Struct(NOTIF_FIELDS.stream()
                        .map(n -> Decode.field(n, Value.Num.udec(b.u(NOTIF_SIZES.field(n))))).toList(), false);
            }
            case SECCOMP_SET_MODE_FILTER -> {
                return ClassicBpf.seccompProgram(c, addr);
            }
            default -> {
                return Decode.ptr(addr);
            }
        }
    }

    /** The handled access rights; {@code ...} when the caller's struct is larger than strace knows. */
    private static Value rulesetAttr(Call c, long addr, long size) {
        int known = HANDLED.offset() + HANDLED.size();
        if (Long.compareUnsigned(size, known) < 0) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, (int) Math.min(size, RULESET.size()));
        if (b == null) {
            return Decode.ptr(addr);
        }
        return new Value.Struct(List.of(Decode.field("handled_access_fs", Decode.flags("landlock_ruleset_access_fs",
                b.u(HANDLED), "LANDLOCK_ACCESS_FS_???"))), size > known);
    }

    private static Value pathBeneath(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, PATH_BENEATH.size());
        return b == null ? Decode.ptr(addr) : Decode.struct(
                Decode.field("allowed_access", Decode.flags("landlock_ruleset_access_fs", b.u(ALLOWED), "LANDLOCK_ACCESS_FS_???")),
                Decode.field("parent_fd", Decode.fd(c, (int) b.s(PARENT_FD))));
    }
}

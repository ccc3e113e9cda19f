package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * mount(2) and the mount API as strace decodes them: mount's flags and which of its type and
 * data are strings, fsconfig's key, value and aux by command, mount_setattr's struct mount_attr.
 */
final class MountKinds implements KindFamily {
    private static final long MS_REMOUNT = 0x20;
    /** MS_BIND, MS_MOVE, MS_UNBINDABLE, MS_PRIVATE, MS_SLAVE, MS_SHARED: no type nor data. */
    private static final long MS_PROPAGATION = 0x1000 | 0x2000 | 0x20000 | 0x40000 | 0x80000 | 0x100000;
    private static final long MS_MGC_VAL = 0xc0ed0000L, MS_MGC_MSK = 0xffff0000L;

    private static final int FSCONFIG_SET_FLAG = 0, FSCONFIG_SET_STRING = 1, FSCONFIG_SET_BINARY = 2,
            FSCONFIG_SET_PATH = 3, FSCONFIG_SET_PATH_EMPTY = 4, FSCONFIG_SET_FD = 5;
    /** fsconfig's keys and string values: strace prints at most this much of them. */
    private static final int FSCONFIG_STRING_MAX = 256;
    /** The largest binary value strace prints (the kernel's own limit). */
    private static final int FSCONFIG_BINARY_MAX = 1024 * 1024;

    private static final Layout MOUNT_ATTR = Layout.of("mount_attr");
    private static final Layout.Field ATTR_SET = MOUNT_ATTR.field("attr_set"), ATTR_CLR = MOUNT_ATTR.field("attr_clr"),
            PROPAGATION = MOUNT_ATTR.field("propagation"), USERNS_FD = MOUNT_ATTR.field("userns_fd");
    private static final long MOUNT_ATTR_IDMAP = 0x100000;
    private static final long PAGE = 4096;

    @Override
    public void register(Kinds k) {
        k.arg("mount_source", ArgKind.withRole(Role.PATH, (c, i) -> Decode.path(c, c.arg(i))));
        k.arg("mount_type", (c, i) -> (sansMagic(c.arg(3)) & (MS_REMOUNT | MS_PROPAGATION)) != 0
                ? Decode.ptr(c.arg(i)) : Decode.cstring(c, c.arg(i)));
        k.arg("mount_flags", (c, i) -> mountFlags(c.arg(i)));
        k.arg("mount_data", (c, i) -> {
            long f = sansMagic(c.arg(3));
            return (f & MS_REMOUNT) == 0 && (f & MS_PROPAGATION) != 0 ? Decode.ptr(c.arg(i)) : Decode.cstring(c, c.arg(i));
        });

        // -P tests fsconfig's fd as strace's pathtrace does: never the first argument, the last only
        // for the commands that take an fd there, the value only when it is a path.
        k.arg("fsconfig_fd", (c, i) -> Decode.fd(c, c.intArg(i)));
        k.arg("fsconfig_cmd", (c, i) -> Decode.sym("fsconfig_cmds", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "FSCONFIG_???"));
        k.arg("fsconfig_key", (c, i) -> switch (c.intArg(1)) {
            case FSCONFIG_SET_FLAG, FSCONFIG_SET_STRING, FSCONFIG_SET_BINARY, FSCONFIG_SET_PATH, FSCONFIG_SET_PATH_EMPTY,
                 FSCONFIG_SET_FD -> fsconfigString(c, c.arg(i));
            default -> Decode.ptr(c.arg(i));
        });
        k.arg("fsconfig_value", ArgKind.withRole(new Role.When(a -> takesPath((int) a[1]), Role.PATH), (c, i) -> {
            int aux = c.intArg(4);
            return switch (c.intArg(1)) {
                case FSCONFIG_SET_STRING -> fsconfigString(c, c.arg(i));
                case FSCONFIG_SET_PATH, FSCONFIG_SET_PATH_EMPTY -> Decode.path(c, c.arg(i));
                case FSCONFIG_SET_BINARY -> aux >= 0 && aux <= FSCONFIG_BINARY_MAX
                        ? Decode.hexBuffer(c, c.arg(i), aux) : Decode.ptr(c.arg(i));
                default -> Decode.ptr(c.arg(i));
            };
        }));
        k.arg("fsconfig_aux", ArgKind.withRole(new Role.When(a -> takesPath((int) a[1]) || (int) a[1] == FSCONFIG_SET_FD,
                Role.FD), (c, i) -> switch (c.intArg(1)) {
            case FSCONFIG_SET_PATH, FSCONFIG_SET_PATH_EMPTY -> BasicKinds.dirfd(c, c.intArg(i));
            case FSCONFIG_SET_FD -> Decode.fd(c, c.intArg(i));
            default -> Value.Num.dec(c.intArg(i));
        }));
        k.arg("mount_attr", (c, i) -> mountAttr(c, c.arg(i), c.arg(i + 1)));
    }

    private static boolean takesPath(int cmd) {
        return cmd == FSCONFIG_SET_PATH || cmd == FSCONFIG_SET_PATH_EMPTY;
    }

    /** mount's flags without the old magic number in the top half. */
    private static long sansMagic(long flags) {
        return (flags & MS_MGC_MSK) == MS_MGC_VAL ? flags & ~MS_MGC_MSK : flags;
    }

    /** MS_MGC_VAL in the top half first (old callers still pass it), or-ed with the MS_* flags if any. */
    static Value mountFlags(long flags) {
        long rest = sansMagic(flags);
        Value named = Decode.flags("mount_flags", rest, "MS_???");
        if (rest == flags) {
            return named;
        }
        Value magic = new Value.Sym("MS_MGC_VAL", MS_MGC_VAL);
        return rest == 0 ? magic : new Value.Or(magic, named);
    }

    /** A key or string value: a C string in at most 256 bytes. */
    private static Value fsconfigString(Call c, long addr) {
        return Decode.boundedCString(c, addr, FSCONFIG_STRING_MAX);
    }

    /**
     * struct mount_attr: the address when {@code size} is below the first version's; userns_fd
     * as an fd only when MOUNT_ATTR_IDMAP asks for one; then any non-zero bytes of a larger struct.
     */
    private static Value mountAttr(Call c, long addr, long size) {
        Bytes b = Long.compareUnsigned(size, MOUNT_ATTR.size()) < 0 ? null : Decode.struct(c, addr, MOUNT_ATTR.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        long set = b.u(ATTR_SET), clr = b.u(ATTR_CLR), userns = b.u(USERNS_FD);
        List<Value.Field> f = new ArrayList<>();
        f.add(field("attr_set", Decode.flags("mount_attr_attr", set, "MOUNT_ATTR_???")));
        f.add(field("attr_clr", Decode.flags("mount_attr_attr", clr, "MOUNT_ATTR_???")));
        f.add(field("propagation", Decode.sym("mount_attr_propagation", b.u(PROPAGATION), Value.Radix.HEX, "MS_???")));
        f.add(field("userns_fd", Long.compareUnsigned(userns, Integer.MAX_VALUE) > 0 || ((set | clr) & MOUNT_ATTR_IDMAP) == 0
                ? Value.Num.udec(userns) : Decode.fd(c, (int) userns)));
        Value extra = Decode.extraBytes(c, addr, MOUNT_ATTR.size(), Long.compareUnsigned(size, PAGE) < 0 ? size : PAGE);
        if (extra != null) {
            f.add(field(null, extra));
        }
        return new Value.Struct(f, false);
    }
}

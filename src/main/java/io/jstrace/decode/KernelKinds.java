package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

/** Kinds for calls on the kernel itself: reboot, syslog, swap, host names, namespaces, _sysctl. */
final class KernelKinds implements KindFamily {
    private static final long LINUX_REBOOT_CMD_RESTART2 = 0xa1b2c3d4L;
    /** The kernel's buffer for RESTART2's command: 256 bytes, the last always NUL. */
    private static final int RESTART2_ARG = 255;
    private static final int NEW_UTS_LEN = 64;
    private static final long SWAP_FLAG_PRIO_MASK = 0x7fff;
    private static final int SYSLOG_ACTION_CLOSE = 0, SYSLOG_ACTION_READ = 2, SYSLOG_ACTION_READ_CLEAR = 4,
            SYSLOG_ACTION_CONSOLE_LEVEL = 8, SYSLOG_ACTION_SIZE_BUFFER = 10;

    private static final Layout SEGMENT = Layout.of("kexec_segment"), SYSCTL = Layout.of("sysctl_args");
    private static final long KEXEC_SEGMENT_MAX = 16, KEXEC_ARCH_MASK = 0xffff0000L;

    @Override
    public void register(Kinds k) {
        k.arg("sysctl_args", (c, i) -> {
            Bytes b = Decode.struct(c, c.arg(i), SYSCTL.size());
            return b == null ? Decode.ptr(c.arg(i)) : Decode.struct(
                    Decode.field("name", Decode.ptr(b.u(SYSCTL.field("name")))),
                    Decode.field("nlen", Value.Num.dec(b.s(SYSCTL.field("nlen")))),
                    Decode.field("oldval", Decode.ptr(b.u(SYSCTL.field("oldval")))),
                    Decode.field("oldlenp", Decode.ptr(b.u(SYSCTL.field("oldlenp")))),
                    Decode.field("newval", Decode.ptr(b.u(SYSCTL.field("newval")))),
                    Decode.field("newlen", Value.Num.udec(b.u(SYSCTL.field("newlen")))));
        });
        k.arg("delete_module_flags", (c, i) -> Decode.flags("delete_module_flags", c.arg(i) & 0xffffffffL, "O_???"));
        k.arg("module_init_flags", (c, i) -> Decode.flags("module_init_flags", c.arg(i) & 0xffffffffL, "MODULE_INIT_???"));
        k.arg("kexec_segments", (c, i) -> Long.compareUnsigned(c.arg(i - 1), KEXEC_SEGMENT_MAX) > 0 ? Decode.ptr(c.arg(i))
                : IoArrays.array(c, c.arg(i), c.arg(i - 1), SEGMENT.size(), b -> Decode.struct(
                        Decode.field("buf", Decode.ptr(b.u(SEGMENT.field("buf")))),
                        Decode.field("bufsz", Value.Num.udec(b.u(SEGMENT.field("bufsz")))),
                        Decode.field("mem", Decode.ptr(b.u(SEGMENT.field("mem")))),
                        Decode.field("memsz", Value.Num.udec(b.u(SEGMENT.field("memsz")))))));
        // The architecture in the high half, flags in the low one.
        k.arg("kexec_load_flags", (c, i) -> {
            long n = c.arg(i);
            Value arch = Decode.sym("kexec_arch_values", n & KEXEC_ARCH_MASK, Value.Radix.HEX, "KEXEC_ARCH_???");
            long flags = n & ~KEXEC_ARCH_MASK;
            return flags == 0 ? arch : new Value.Or(arch, Decode.flags("kexec_load_flags", flags, "KEXEC_???"));
        });
        k.arg("kexec_file_load_flags", (c, i) -> Decode.flags("kexec_file_load_flags", c.arg(i), "KEXEC_FILE_???"));
        k.arg("reboot_magic1", (c, i) -> xval("bootflags1", c.arg(i), "LINUX_REBOOT_MAGIC_???"));
        k.arg("reboot_magic2", (c, i) -> xval("bootflags2", c.arg(i), "LINUX_REBOOT_MAGIC_???"));
        k.arg("reboot_cmd", (c, i) -> xval("bootflags3", c.arg(i), "LINUX_REBOOT_CMD_???"));
        k.arg("reboot_arg", (c, i) -> (c.arg(2) & 0xffffffffL) == LINUX_REBOOT_CMD_RESTART2
                ? Decode.boundedCString(c, c.arg(i), RESTART2_ARG) : null);
        // The name is not a C string: as many bytes as the length says, which the kernel caps.
        k.arg("hostname", (c, i) -> (c.arg(i + 1) & 0xffffffffL) > NEW_UTS_LEN ? Decode.ptr(c.arg(i))
                : Decode.buffer(c, c.arg(i), c.arg(i + 1) & 0xffffffffL));
        k.arg("swap_flags", (c, i) -> swapFlags(c.arg(i) & 0xffffffffL));
        k.arg("unshare_flags", (c, i) -> Decode.flags("unshare_flags", c.arg(i), "CLONE_???"));
        k.arg("setns_type", (c, i) -> Decode.flags("setns_types", c.arg(i) & 0xffffffffL, "CLONE_NEW???"));
        // syslog's buffer and length count only for some actions; the READs fill the buffer.
        k.arg("syslog_type", ArgKind.atExit((c, i) -> explained("syslog_action_type", c.intArg(i), "SYSLOG_ACTION_???")));
        k.arg("syslog_buf", ArgKind.atExit(KernelKinds::syslogBuffer));
        k.arg("syslog_len", ArgKind.atExit((c, i) -> syslogArgs(c) ? c.intArg(0) == SYSLOG_ACTION_CONSOLE_LEVEL
                ? explained("syslog_console_levels", c.intArg(i), "LOGLEVEL_???") : Value.Num.dec(c.intArg(i)) : null));
    }

    /** printxval: the value as a 32-bit unsigned int, hex when unnamed. */
    private static Value xval(String table, long v, String unknown) {
        return Decode.sym(table, v & 0xffffffffL, Value.Radix.HEX, unknown);
    }

    /** printxval_ex with XLAT_STYLE_VERBOSE|FMT_D: the number in decimal and its name, whatever -X says. */
    private static Value explained(String table, int v, String unknown) {
        String n = Xlat.of(table).name(v);
        return new Value.Commented(Value.Num.dec(v), n != null ? n : unknown);
    }

    /** swapon's flags, then the priority in their low bits: {@code SWAP_FLAG_PREFER|42}. */
    private static Value swapFlags(long v) {
        long flags = v & ~SWAP_FLAG_PRIO_MASK;
        Value prio = Value.Num.udec(v & SWAP_FLAG_PRIO_MASK);
        return flags == 0 ? prio : new Value.Or(Decode.flags("swap_flags", flags, "SWAP_FLAG_???"), prio);
    }

    /** Whether syslog's action takes the buffer and the length: the reads, the console level, unknown ones. */
    private static boolean syslogArgs(Call c) {
        int type = c.intArg(0);
        return type < SYSLOG_ACTION_CLOSE || type >= SYSLOG_ACTION_READ && type <= SYSLOG_ACTION_READ_CLEAR
                || type == SYSLOG_ACTION_CONSOLE_LEVEL || type > SYSLOG_ACTION_SIZE_BUFFER;
    }

    private static Value syslogBuffer(Call c, int i) {
        if (!syslogArgs(c)) {
            return null;
        }
        int type = c.intArg(0);
        boolean read = type >= SYSLOG_ACTION_READ && type <= SYSLOG_ACTION_READ_CLEAR;
        return read && !c.failed() ? Decode.buffer(c, c.arg(i), c.ret()) : Decode.ptr(c.arg(i));
    }
}

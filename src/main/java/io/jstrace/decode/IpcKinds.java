package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.List;

/**
 * Kinds for System V IPC (shared memory, semaphores, message queues) and POSIX message queues,
 * as strace 6.1 prints them.
 */
final class IpcKinds implements KindFamily {
    private static final int IPC_PRIVATE = 0, IPC_64 = 0x100;
    private static final int IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3;
    private static final int SHM_STAT = 13, SHM_INFO = 14, SHM_STAT_ANY = 15;
    private static final int SEM_STAT = 18, SEM_INFO = 19, SEM_STAT_ANY = 20;
    private static final int MSG_STAT = 11, MSG_INFO = 12, MSG_STAT_ANY = 13;
    private static final int SHM_HUGE_SHIFT = 26, SHM_HUGE_MASK = 0x3f;
    private static final int MODE_BITS = 0777;
    private static final int O_CREAT = 0x40;
    private static final Layout SEMBUF = Layout.of("sembuf"), MSGBUF = Layout.of("msgbuf"), MQ_ATTR = Layout.of("mq_attr");
    private static final Layout.Field SEM_NUM = SEMBUF.field("sem_num"), SEM_OP = SEMBUF.field("sem_op"),
            SEM_FLG = SEMBUF.field("sem_flg"), MTYPE = MSGBUF.field("mtype"), MTEXT = MSGBUF.field("mtext"),
            MQ_FLAGS = MQ_ATTR.field("mq_flags"), MQ_MAXMSG = MQ_ATTR.field("mq_maxmsg"),
            MQ_MSGSIZE = MQ_ATTR.field("mq_msgsize"), MQ_CURMSGS = MQ_ATTR.field("mq_curmsgs");

    @Override
    public void register(Kinds k) {
        k.arg("ipc_key", (c, i) -> c.intArg(i) == IPC_PRIVATE
                ? new Value.Sym("IPC_PRIVATE", IPC_PRIVATE) : Value.Num.hex(c.arg(i) & 0xffffffffL));
        k.arg("ipc_get_flags", (c, i) -> getFlags(c.intArg(i)));
        k.arg("shmget_flags", (c, i) -> shmgetFlags(c.intArg(i)));
        k.arg("shmat_flags", (c, i) -> Decode.flags("shm_flags", c.arg(i) & 0xffffffffL));
        k.arg("shmctl_cmd", (c, i) -> command("shmctl_flags", c.intArg(i), "SHM_???"));
        k.arg("semctl_cmd", (c, i) -> command("semctl_flags", c.intArg(i), "SEM_???"));
        k.arg("msgctl_cmd", (c, i) -> command("msgctl_flags", c.intArg(i), "MSG_???"));
        // The struct a *ctl command reads or fills; read at exit like fcntl's, whatever its direction.
        k.arg("shmctl_buf", ArgKind.atExit((c, i) -> ctlBuffer(c, i, switch (c.intArg(i - 1) & ~IPC_64) {
            case IPC_SET -> IpcStructs.SHMID_SET;
            case IPC_STAT, SHM_STAT, SHM_STAT_ANY -> IpcStructs.SHMID;
            case IPC_INFO -> IpcStructs.SHMINFO;
            case SHM_INFO -> IpcStructs.SHM_INFO;
            default -> null;
        })));
        k.arg("semctl_arg", ArgKind.atExit((c, i) -> ctlBuffer(c, i, switch (c.intArg(i - 1) & ~IPC_64) {
            case IPC_SET -> IpcStructs.SEMID_SET;
            case IPC_STAT, SEM_STAT, SEM_STAT_ANY -> IpcStructs.SEMID;
            case IPC_INFO, SEM_INFO -> IpcStructs.SEMINFO;
            default -> null;
        })));
        k.arg("msgctl_buf", ArgKind.atExit((c, i) -> ctlBuffer(c, i, switch (c.intArg(i - 1) & ~IPC_64) {
            case IPC_SET -> IpcStructs.MSQID_SET;
            case IPC_STAT, MSG_STAT, MSG_STAT_ANY -> IpcStructs.MSQID;
            case IPC_INFO, MSG_INFO -> IpcStructs.MSGINFO;
            default -> null;
        })));
        k.arg("sembufs", (c, i) -> IoArrays.array(c, c.arg(i), c.arg(i + 1) & 0xffffffffL, SEMBUF.size(),
                b -> Decode.struct(Decode.field("sem_num", Value.Num.udec(b.u(SEM_NUM))),
                        Decode.field("sem_op", Decode.dec(b.s(SEM_OP))),
                        Decode.field("sem_flg", Decode.flags("semop_flags", b.u(SEM_FLG))))));
        k.arg("msgbuf_in", (c, i) -> message(c, c.arg(i), c.arg(i + 1)));
        k.arg("msgbuf_out", ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : message(c, c.arg(i), c.arg(i + 1))));
        k.arg("ipc_msg_flags", (c, i) -> Decode.flags("ipc_msg_flags", c.arg(i) & 0xffffffffL));

        // POSIX message queues. mq_open's mode (a umode_t) and attributes only mean something with
        // O_CREAT; there strace shows mq_flags in hex, where mq_getsetattr names O_NONBLOCK.
        k.arg("mq_mode", (c, i) -> (c.arg(1) & O_CREAT) == 0 ? null : Value.Num.oct(c.arg(i) & 0xffff));
        k.arg("mq_open_attr", (c, i) -> (c.arg(1) & O_CREAT) == 0 ? null : mqAttr(c, c.arg(i), false));
        k.arg("mq_attr", (c, i) -> mqAttr(c, c.arg(i), true));
        k.arg("mq_attr_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i)) : mqAttr(c, c.arg(i), true)));
        k.arg("mq_prio_out", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() || c.arg(i) == 0 ? null : Decode.struct(c, c.arg(i), 4);
            return b == null ? Decode.ptr(c.arg(i)) : new Value.Arr(List.of(Value.Num.udec(b.u32(0))), false);
        }));
    }

    /** struct mq_attr: the flags named ({@code namedFlags}: O_NONBLOCK) or in hex, then three longs. */
    private static Value mqAttr(Call c, long addr, boolean namedFlags) {
        Bytes b = Decode.struct(c, addr, MQ_ATTR.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        long flags = b.u(MQ_FLAGS);
        return Decode.struct(Decode.field("mq_flags", namedFlags ? Decode.flags("mq_attr_flags", flags, "O_???")
                        : Value.Num.hex(flags)),
                Decode.field("mq_maxmsg", Decode.dec(b.s(MQ_MAXMSG))), Decode.field("mq_msgsize", Decode.dec(b.s(MQ_MSGSIZE))),
                Decode.field("mq_curmsgs", Decode.dec(b.s(MQ_CURMSGS))));
    }

    /** msgget's and semget's flags: the IPC_* bits, then the permission bits in octal. */
    private static Value getFlags(int flags) {
        Value mode = Value.Num.oct(flags & MODE_BITS);
        int rest = flags & ~MODE_BITS;
        return rest == 0 ? mode : new Value.Or(Decode.flags("resource_flags", rest & 0xffffffffL), mode);
    }

    /** shmget's flags: as {@link #getFlags}, with the huge page size as {@code N<<SHM_HUGE_SHIFT}. */
    private static Value shmgetFlags(int flags) {
        int huge = (flags >>> SHM_HUGE_SHIFT) & SHM_HUGE_MASK;
        int rest = flags & ~MODE_BITS & ~(SHM_HUGE_MASK << SHM_HUGE_SHIFT);
        Value v = Value.Num.oct(flags & MODE_BITS);
        if (huge != 0) {
            // strace's print_xlat_u: the shift in decimal under -X raw, named otherwise.
            v = new Value.Or(new Value.Shift(Value.Num.udec(huge),
                    new Value.Decoded(SHM_HUGE_SHIFT, new Value.Name("SHM_HUGE_SHIFT"))), v);
        }
        return rest == 0 ? v : new Value.Or(Decode.flags("shm_resource_flags", rest & 0xffffffffL), v);
    }

    /** A *ctl command, with IPC_64 first when the caller set it. */
    private static Value command(String table, int cmd, String unknown) {
        Value name = Decode.sym(table, cmd & ~IPC_64 & 0xffffffffL, Value.Radix.HEX, unknown);
        return (cmd & IPC_64) != 0 ? new Value.Or(new Value.Sym("IPC_64", IPC_64), name) : name;
    }

    /** The struct a command uses, or the bare address for commands that take none or when the call failed. */
    private static Value ctlBuffer(Call c, int i, IpcStructs.Ctl layout) {
        long addr = c.arg(i);
        if (layout == null || (c.failed() && !layout.input())) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, layout.size());
        return b == null ? Decode.ptr(addr) : layout.decode(b);
    }

    /** struct msgbuf: {@code {mtype=N, mtext="..."}}, mtext being {@code size} bytes. */
    private static Value message(Call c, long addr, long size) {
        Bytes type = Decode.struct(c, addr, MTYPE.offset() + MTYPE.size());
        if (type == null) {
            return Decode.ptr(addr);
        }
        return Decode.struct(Decode.field("mtype", Decode.dec(type.s(MTYPE))),
                Decode.field("mtext", Decode.buffer(c, addr + MTEXT.offset(), size)));
    }
}

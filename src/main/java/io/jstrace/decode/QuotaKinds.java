package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * quotactl and quotactl_fd as strace's quota.c decodes them: the command as
 * {@code QCMD(Q_GETQUOTA, USRQUOTA)}, then an id and a data argument whose presence and meaning
 * depend on the command. Data the kernel fills (Q_GET*) is read at exit, the address when the
 * call failed; data the call is given is read too (its arguments are kept from entry) and shown
 * whether the call failed or not.
 */
final class QuotaKinds implements KindFamily {
    private static final int Q_SYNC = 0x800001, Q_QUOTAON = 0x800002, Q_QUOTAOFF = 0x800003, Q_GETFMT = 0x800004,
            Q_GETINFO = 0x800005, Q_SETINFO = 0x800006, Q_GETQUOTA = 0x800007, Q_SETQUOTA = 0x800008,
            Q_GETNEXTQUOTA = 0x800009;
    private static final int Q_XQUOTAON = 0x5801, Q_XQUOTAOFF = 0x5802, Q_XGETQUOTA = 0x5803, Q_XSETQLIM = 0x5804,
            Q_XGETQSTAT = 0x5805, Q_XQUOTARM = 0x5806, Q_XQUOTASYNC = 0x5807, Q_XGETQSTATV = 0x5808,
            Q_XGETNEXTQUOTA = 0x5809;
    private static final int SUBCMD_SHIFT = 8, TYPE_MASK = 0xff;

    private static final Layout DQBLK = Layout.of("if_dqblk"), NEXTDQBLK = Layout.of("if_nextdqblk"),
            DQINFO = Layout.of("if_dqinfo"), DISK_QUOTA = Layout.of("fs_disk_quota"),
            QSTAT = Layout.of("fs_quota_stat"), QSTATV = Layout.of("fs_quota_statv");
    /** The if_dqblk fields strace prints always, then those it prints only with -v. */
    private static final String[] DQB_SHORT = {"dqb_bhardlimit", "dqb_bsoftlimit", "dqb_curspace", "dqb_ihardlimit",
            "dqb_isoftlimit", "dqb_curinodes"};
    /** strace reads struct if_dqblk packed: up to the end of dqb_valid. */
    private static final int DQBLK_PACKED = DQBLK.field("dqb_valid").offset() + DQBLK.field("dqb_valid").size();
    private static final String[] DISK_QUOTA_SHORT = {"d_id", "d_blk_hardlimit", "d_blk_softlimit", "d_ino_hardlimit",
            "d_ino_softlimit", "d_bcount", "d_icount"};

    @Override
    public void register(Kinds k) {
        // Every argument from the command on is printed at exit: whether the id and data arguments
        // are there at all depends on the command, and nothing may be left waiting for them at entry.
        k.arg("quota_cmd", ArgKind.atExit((c, i) -> qcmd(c.arg(i) & 0xffffffffL)));
        k.arg("quota_special", ArgKind.withRole(Role.PATH, ArgKind.atExit((c, i) -> Decode.path(c, c.arg(i)))));
        // quota_id:N and quota_data:N: N is the argument holding the QCMD (0 for quotactl, 1 for quotactl_fd).
        k.argWithParam("quota_id", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.atExit((c, i) -> id(command(c.arg(n)), c.arg(i) & 0xffffffffL));
        });
        k.argWithParam("quota_data", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.atExit((c, i) -> data(c, command(c.arg(n)), c.arg(i)));
        });
    }

    /** The command part of a QCMD. */
    private static int command(long qcmd) {
        return (int) ((qcmd & 0xffffffffL) >>> SUBCMD_SHIFT);
    }

    /** strace's print_qcmd: {@code QCMD(cmd, type)}, the number under -X raw, both under -X verbose. */
    static Value qcmd(long qcmd) {
        long cmd = qcmd >>> SUBCMD_SHIFT, type = qcmd & TYPE_MASK;
        return new Value.Decoded(qcmd, Value.Radix.UDEC, new Value.Call("QCMD", List.of(
                name("quotacmds", cmd, "Q_???"), name("quotatypes", type, "???QUOTA"))), false);
    }

    /** A constant by name whatever -X says (strace prints QCMD's parts abbreviated), else the number and its default. */
    private static Value name(String table, long v, String unknown) {
        String n = Xlat.of(table).name(v);
        return n != null ? new Value.Name(n) : new Value.Unknown(v, Value.Radix.HEX, unknown);
    }

    /** The id argument: a quota format for Q_QUOTAON, a uid or gid for most others, nothing for some. */
    private static Value id(int cmd, long id) {
        return switch (cmd) {
            case Q_QUOTAOFF, Q_SYNC, Q_XQUOTASYNC, Q_GETFMT, Q_GETINFO, Q_SETINFO, Q_XGETQSTAT, Q_XGETQSTATV,
                 Q_XQUOTAON, Q_XQUOTAOFF, Q_XQUOTARM -> null;
            case Q_QUOTAON -> Decode.sym("quota_formats", id, Value.Radix.HEX, "QFMT_VFS_???");
            default -> id == 0xffffffffL ? Value.Num.dec(-1) : Value.Num.udec(id);
        };
    }

    private static Value data(Call c, int cmd, long addr) {
        boolean verbose = c.options.verbose();
        return switch (cmd) {
            case Q_QUOTAOFF, Q_SYNC, Q_XQUOTASYNC -> null;
            case Q_QUOTAON -> Decode.path(c, addr);
            case Q_GETQUOTA -> filled(c, addr, DQBLK_PACKED, b -> dqblk(b, verbose, false));
            case Q_SETQUOTA -> given(c, addr, DQBLK_PACKED, b -> dqblk(b, verbose, false));
            case Q_GETNEXTQUOTA -> filled(c, addr, NEXTDQBLK.size(), b -> dqblk(b, verbose, true));
            case Q_XGETQUOTA, Q_XGETNEXTQUOTA -> filled(c, addr, DISK_QUOTA.size(), b -> diskQuota(b, verbose));
            case Q_XSETQLIM -> given(c, addr, DISK_QUOTA.size(), b -> diskQuota(b, verbose));
            case Q_GETFMT -> filled(c, addr, 4, b -> new Value.Arr(List.of(
                    Decode.sym("quota_formats", b.u32(0), Value.Radix.HEX, "QFMT_VFS_???")), false));
            case Q_GETINFO -> filled(c, addr, DQINFO.size(), QuotaKinds::dqinfo);
            case Q_SETINFO -> given(c, addr, DQINFO.size(), QuotaKinds::dqinfo);
            case Q_XGETQSTAT -> filled(c, addr, QSTAT.size(), b -> quotaStat(b, verbose, QSTAT, false));
            case Q_XGETQSTATV -> filled(c, addr, QSTATV.size(), b -> quotaStat(b, verbose, QSTATV, true));
            case Q_XQUOTAON, Q_XQUOTAOFF -> given(c, addr, 4, b -> new Value.Arr(List.of(
                    Decode.flags("xfs_quota_flags", b.u32(0), "FS_QUOTA_???")), false));
            case Q_XQUOTARM -> given(c, addr, 4, b -> new Value.Arr(List.of(
                    Decode.flags("xfs_dqblk_flags", b.u32(0), "FS_???_QUOTA")), false));
            default -> Decode.ptr(addr);
        };
    }

    /** Data the kernel fills: the address when the call failed or the memory cannot be read. */
    private static Value filled(Call c, long addr, int size, java.util.function.Function<Bytes, Value> f) {
        Bytes b = Decode.outStruct(c, addr, size);
        return b == null ? Decode.ptr(addr) : f.apply(b);
    }

    private static Value given(Call c, long addr, int size, java.util.function.Function<Bytes, Value> f) {
        Bytes b = Decode.struct(c, addr, size);
        return b == null ? Decode.ptr(addr) : f.apply(b);
    }

    private static Value u(Bytes b, Layout l, String name) {
        return Value.Num.udec(b.u(l.field(name)));
    }

    private static Value d(Bytes b, Layout l, String name) {
        return Value.Num.dec(b.s(l.field(name)));
    }

    /** if_dqblk (or if_nextdqblk, whose dqb_id strace prints before the ... without -v). */
    private static Value dqblk(Bytes b, boolean verbose, boolean next) {
        Layout l = next ? NEXTDQBLK : DQBLK;
        List<Value.Field> f = new ArrayList<>();
        for (String n : DQB_SHORT) {
            f.add(field(n, u(b, l, n)));
        }
        if (verbose) {
            f.add(field("dqb_btime", u(b, l, "dqb_btime")));
            f.add(field("dqb_itime", u(b, l, "dqb_itime")));
            f.add(field("dqb_valid", Decode.flags("if_dqblk_valid", b.u(l.field("dqb_valid")), "QIF_???")));
        }
        if (next) {
            f.add(field("dqb_id", u(b, l, "dqb_id")));
        }
        return new Value.Struct(f, !verbose);
    }

    private static Value dqinfo(Bytes b) {
        return Decode.struct(field("dqi_bgrace", u(b, DQINFO, "dqi_bgrace")), field("dqi_igrace", u(b, DQINFO, "dqi_igrace")),
                field("dqi_flags", Decode.flags("if_dqinfo_flags", b.u(DQINFO.field("dqi_flags")), "DQF_???")),
                field("dqi_valid", Decode.flags("if_dqinfo_valid", b.u(DQINFO.field("dqi_valid")), "IIF_???")));
    }

    /** fs_disk_quota: the counts always, the timers and warnings and real-time limits with -v. */
    private static Value diskQuota(Bytes b, boolean verbose) {
        Layout l = DISK_QUOTA;
        List<Value.Field> f = new ArrayList<>();
        f.add(field("d_version", d(b, l, "d_version")));
        f.add(field("d_flags", Decode.flags("xfs_dqblk_flags", b.u(l.field("d_flags")), "FS_???_QUOTA")));
        f.add(field("d_fieldmask", Value.Num.hex(b.u(l.field("d_fieldmask")))));
        for (String n : DISK_QUOTA_SHORT) {
            f.add(field(n, u(b, l, n)));
        }
        if (verbose) {
            f.add(field("d_itimer", d(b, l, "d_itimer")));
            f.add(field("d_btimer", d(b, l, "d_btimer")));
            f.add(field("d_iwarns", u(b, l, "d_iwarns")));
            f.add(field("d_bwarns", u(b, l, "d_bwarns")));
            f.add(field("d_rtb_hardlimit", u(b, l, "d_rtb_hardlimit")));
            f.add(field("d_rtb_softlimit", u(b, l, "d_rtb_softlimit")));
            f.add(field("d_rtbcount", u(b, l, "d_rtbcount")));
            f.add(field("d_rtbtimer", d(b, l, "d_rtbtimer")));
            f.add(field("d_rtbwarns", u(b, l, "d_rtbwarns")));
        }
        return new Value.Struct(f, !verbose);
    }

    /** fs_quota_stat or, {@code v}, fs_quota_statv: the version, the rest with -v. */
    private static Value quotaStat(Bytes b, boolean verbose, Layout l, boolean v) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("qs_version", d(b, l, "qs_version")));
        if (verbose) {
            f.add(field("qs_flags", Decode.flags("xfs_quota_flags", b.u(l.field("qs_flags")), "FS_QUOTA_???")));
            if (v) {
                f.add(field("qs_incoredqs", u(b, l, "qs_incoredqs")));
            }
            for (String q : v ? new String[] {"qs_uquota", "qs_gquota", "qs_pquota"} : new String[] {"qs_uquota", "qs_gquota"}) {
                f.add(field(q, Decode.struct(field("qfs_ino", u(b, l, q + ".qfs_ino")),
                        field("qfs_nblks", u(b, l, q + ".qfs_nblks")), field("qfs_nextents", u(b, l, q + ".qfs_nextents")))));
            }
            if (!v) {
                f.add(field("qs_incoredqs", u(b, l, "qs_incoredqs")));
            }
            f.add(field("qs_btimelimit", d(b, l, "qs_btimelimit")));
            f.add(field("qs_itimelimit", d(b, l, "qs_itimelimit")));
            f.add(field("qs_rtbtimelimit", d(b, l, "qs_rtbtimelimit")));
            f.add(field("qs_bwarnlimit", u(b, l, "qs_bwarnlimit")));
            f.add(field("qs_iwarnlimit", u(b, l, "qs_iwarnlimit")));
        }
        return new Value.Struct(f, !verbose);
    }
}

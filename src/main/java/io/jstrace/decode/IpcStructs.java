package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.jstrace.decode.Decode.field;

/**
 * The structs of System V IPC's *ctl commands: the kernel's 64-bit ones, which glibc passes as
 * they are. Times print as plain numbers and ids as numbers, as strace 6.1 does.
 */
final class IpcStructs {
    private IpcStructs() {}

    /** A command's struct: its layout, whether the call reads it (printed even when the call fails), how it prints. */
    record Ctl(Layout layout, boolean input, Function<Bytes, Value> decoder) {
        int size() {
            return layout.size();
        }

        Value decode(Bytes b) {
            return decoder.apply(b);
        }
    }

    private static final Layout SHMID_L = Layout.of("shmid64_ds"), SHMINFO_L = Layout.of("shminfo64"),
            SHM_INFO_L = Layout.of("shm_info"), SEMID_L = Layout.of("semid64_ds"), SEMINFO_L = Layout.of("seminfo"),
            MSQID_L = Layout.of("msqid64_ds"), MSGINFO_L = Layout.of("msginfo");

    /** struct shmid64_ds for IPC_STAT, SHM_STAT, SHM_STAT_ANY. */
    static final Ctl SHMID = new Ctl(SHMID_L, false, b -> new Value.Struct(fields(b, SHMID_L,
            field("shm_perm", perm(b, SHMID_L, "shm_perm", true)),
            "shm_segsz:u", "shm_cpid:d", "shm_lpid:d", "shm_nattch:u", "shm_atime:d", "shm_dtime:d", "shm_ctime:d"), false));

    /** What IPC_SET changes of a segment: its owner and mode. */
    static final Ctl SHMID_SET = new Ctl(SHMID_L, true, b -> Decode.struct(
            field("shm_perm", perm(b, SHMID_L, "shm_perm", false))));

    /** struct shminfo64 for IPC_INFO. */
    static final Ctl SHMINFO = new Ctl(SHMINFO_L, false, b -> new Value.Struct(fields(b, SHMINFO_L, null,
            "shmmax:u", "shmmin:u", "shmmni:u", "shmseg:u", "shmall:u"), false));

    /** struct shm_info for SHM_INFO. */
    static final Ctl SHM_INFO = new Ctl(SHM_INFO_L, false, b -> new Value.Struct(fields(b, SHM_INFO_L, null,
            "used_ids:d", "shm_tot:u", "shm_rss:u", "shm_swp:u", "swap_attempts:u", "swap_successes:u"), false));

    /** struct semid64_ds for IPC_STAT, SEM_STAT, SEM_STAT_ANY. */
    static final Ctl SEMID = new Ctl(SEMID_L, false, b -> new Value.Struct(fields(b, SEMID_L,
            field("sem_perm", perm(b, SEMID_L, "sem_perm", true)), "sem_otime:d", "sem_ctime:d", "sem_nsems:u"), false));

    static final Ctl SEMID_SET = new Ctl(SEMID_L, true, b -> Decode.struct(
            field("sem_perm", perm(b, SEMID_L, "sem_perm", false))));

    /** struct seminfo for IPC_INFO and SEM_INFO. */
    static final Ctl SEMINFO = new Ctl(SEMINFO_L, false, b -> new Value.Struct(fields(b, SEMINFO_L, null,
            "semmap:d", "semmni:d", "semmns:d", "semmnu:d", "semmsl:d", "semopm:d", "semume:d", "semusz:d", "semvmx:d",
            "semaem:d"), false));

    /** struct msqid64_ds for IPC_STAT, MSG_STAT, MSG_STAT_ANY. */
    static final Ctl MSQID = new Ctl(MSQID_L, false, b -> new Value.Struct(fields(b, MSQID_L,
            field("msg_perm", perm(b, MSQID_L, "msg_perm", true)), "msg_stime:d", "msg_rtime:d", "msg_ctime:d",
            "msg_qnum:u", "msg_qbytes:u", "msg_lspid:d", "msg_lrpid:d"), false));

    static final Ctl MSQID_SET = new Ctl(MSQID_L, true, b -> new Value.Struct(fields(b, MSQID_L,
            field("msg_perm", perm(b, MSQID_L, "msg_perm", false)), "msg_qbytes:u"), false));

    /** struct msginfo for IPC_INFO and MSG_INFO. */
    static final Ctl MSGINFO = new Ctl(MSGINFO_L, false, b -> new Value.Struct(fields(b, MSGINFO_L, null,
            "msgpool:d", "msgmap:d", "msgmax:d", "msgmnb:d", "msgmni:d", "msgssz:d", "msgtql:d", "msgseg:u"), false));

    /**
     * {@code first} (when given), then the members named, in order: {@code NAME:d} signed decimal,
     * {@code NAME:u} unsigned decimal.
     */
    private static List<Value.Field> fields(Bytes b, Layout l, Value.Field first, String... members) {
        List<Value.Field> f = new ArrayList<>(members.length + 1);
        if (first != null) {
            f.add(first);
        }
        for (String m : members) {
            String name = m.substring(0, m.length() - 2);
            Layout.Field lf = l.field(name);
            f.add(field(name, m.endsWith(":u") ? Value.Num.udec(b.u(lf)) : Decode.dec(b.s(lf))));
        }
        return f;
    }

    /** struct ipc64_perm, member {@code perm} of each *id64_ds; IPC_SET shows only what it changes. */
    private static Value perm(Bytes b, Layout l, String perm, boolean whole) {
        List<Value.Field> f = new ArrayList<>(List.of(
                field("uid", Decode.uid(b.u(l.field(perm + ".uid")))),
                field("gid", Decode.uid(b.u(l.field(perm + ".gid")))),
                field("mode", Value.Num.oct(b.u(l.field(perm + ".mode"))))));
        if (whole) {
            f.add(field("key", Decode.dec(b.s(l.field(perm + ".key")))));
            f.add(field("cuid", Decode.uid(b.u(l.field(perm + ".cuid")))));
            f.add(field("cgid", Decode.uid(b.u(l.field(perm + ".cgid")))));
        }
        return new Value.Struct(f, false);
    }
}

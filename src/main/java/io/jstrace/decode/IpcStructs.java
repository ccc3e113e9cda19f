package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.jstrace.decode.Decode.field;

/**
 * The structs of System V IPC's *ctl commands, x86_64 layouts (the kernel's 64-bit ones, which
 * glibc passes as they are). Times print as plain numbers and ids as numbers, as strace 6.1 does.
 */
final class IpcStructs {
    private IpcStructs() {}

    /** A struct: its size, whether the call reads it (printed even when the call fails), and how it prints. */
    record Layout(int size, boolean input, Function<Bytes, Value> decoder) {
        Value decode(Bytes b) {
            return decoder.apply(b);
        }
    }

    /** struct shmid64_ds for IPC_STAT, SHM_STAT, SHM_STAT_ANY. */
    static final Layout SHMID = new Layout(112, false, b -> Decode.struct(
            field("shm_perm", perm(b, true)),
            field("shm_segsz", Value.Num.udec(b.s64(48))), field("shm_cpid", Decode.dec(b.s32(80))),
            field("shm_lpid", Decode.dec(b.s32(84))), field("shm_nattch", Value.Num.udec(b.s64(88))),
            field("shm_atime", Decode.dec(b.s64(56))), field("shm_dtime", Decode.dec(b.s64(64))),
            field("shm_ctime", Decode.dec(b.s64(72)))));

    /** What IPC_SET changes of a segment: its owner and mode. */
    static final Layout SHMID_SET = new Layout(112, true, b -> Decode.struct(
            field("shm_perm", perm(b, false))));

    /** struct shminfo64 for IPC_INFO. */
    static final Layout SHMINFO = new Layout(72, false, b -> Decode.struct(
            field("shmmax", Value.Num.udec(b.s64(0))), field("shmmin", Value.Num.udec(b.s64(8))),
            field("shmmni", Value.Num.udec(b.s64(16))), field("shmseg", Value.Num.udec(b.s64(24))),
            field("shmall", Value.Num.udec(b.s64(32)))));

    /** struct shm_info for SHM_INFO. */
    static final Layout SHM_INFO = new Layout(48, false, b -> Decode.struct(
            field("used_ids", Decode.dec(b.s32(0))), field("shm_tot", Value.Num.udec(b.s64(8))),
            field("shm_rss", Value.Num.udec(b.s64(16))), field("shm_swp", Value.Num.udec(b.s64(24))),
            field("swap_attempts", Value.Num.udec(b.s64(32))), field("swap_successes", Value.Num.udec(b.s64(40)))));

    /** struct semid64_ds for IPC_STAT, SEM_STAT, SEM_STAT_ANY. */
    static final Layout SEMID = new Layout(104, false, b -> Decode.struct(
            field("sem_perm", perm(b, true)),
            field("sem_otime", Decode.dec(b.s64(48))), field("sem_ctime", Decode.dec(b.s64(64))),
            field("sem_nsems", Value.Num.udec(b.s64(80)))));

    static final Layout SEMID_SET = new Layout(104, true, b -> Decode.struct(
            field("sem_perm", perm(b, false))));

    /** struct seminfo for IPC_INFO and SEM_INFO: ten ints. */
    static final Layout SEMINFO = new Layout(40, false, b -> new Value.Struct(ints(b,
            "semmap", "semmni", "semmns", "semmnu", "semmsl", "semopm", "semume", "semusz", "semvmx", "semaem"), false));

    /** struct msqid64_ds for IPC_STAT, MSG_STAT, MSG_STAT_ANY. */
    static final Layout MSQID = new Layout(120, false, b -> Decode.struct(
            field("msg_perm", perm(b, true)),
            field("msg_stime", Decode.dec(b.s64(48))), field("msg_rtime", Decode.dec(b.s64(56))),
            field("msg_ctime", Decode.dec(b.s64(64))), field("msg_qnum", Value.Num.udec(b.s64(80))),
            field("msg_qbytes", Value.Num.udec(b.s64(88))), field("msg_lspid", Decode.dec(b.s32(96))),
            field("msg_lrpid", Decode.dec(b.s32(100)))));

    static final Layout MSQID_SET = new Layout(120, true, b -> Decode.struct(
            field("msg_perm", perm(b, false)), field("msg_qbytes", Value.Num.udec(b.s64(88)))));

    /** struct msginfo for IPC_INFO and MSG_INFO: seven ints and an unsigned short. */
    static final Layout MSGINFO = new Layout(32, false, b -> {
        List<Value.Field> f = ints(b, "msgpool", "msgmap", "msgmax", "msgmnb", "msgmni", "msgssz", "msgtql");
        f.add(field("msgseg", Value.Num.udec(b.u16(28))));
        return new Value.Struct(f, false);
    });

    /** Consecutive ints from the start of {@code b}, named in order. */
    private static List<Value.Field> ints(Bytes b, String... names) {
        List<Value.Field> f = new ArrayList<>(names.length + 1);
        for (int i = 0; i < names.length; i++) {
            f.add(field(names[i], Decode.dec(b.s32(i * 4))));
        }
        return f;
    }

    /** struct ipc64_perm at the start of each *id64_ds; IPC_SET shows only what it changes. */
    private static Value perm(Bytes b, boolean whole) {
        List<Value.Field> f = new ArrayList<>(List.of(
                field("uid", ProcessKinds.uid(b.u32(4))), field("gid", ProcessKinds.uid(b.u32(8))),
                field("mode", Value.Num.oct(b.u32(20)))));
        if (whole) {
            f.add(field("key", Decode.dec(b.s32(0))));
            f.add(field("cuid", ProcessKinds.uid(b.u32(12))));
            f.add(field("cgid", ProcessKinds.uid(b.u32(16))));
        }
        return new Value.Struct(f, false);
    }
}

/*
 * IPC calls for StraceCompareIT: System V shared memory, semaphores and message queues, with
 * the *ctl commands whose structs strace decodes, then POSIX message queues. Everything it
 * creates it removes.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
    struct seminfo *info;
};

static void shared_memory(void) {
    int shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL | 0600);
    void *p = shmat(shm, NULL, SHM_RDONLY);
    struct shmid_ds ds;
    shmctl(shm, IPC_STAT, &ds);
    ds.shm_perm.mode = 0640;
    shmctl(shm, IPC_SET, &ds);
    struct shminfo info;
    shmctl(shm, IPC_INFO, (struct shmid_ds *) &info);
    shmdt(p);
    syscall(SYS_shmctl, shm, IPC_RMID | 0x100, 0); /* IPC_64: refused on x86_64 */
    shmctl(shm, IPC_RMID, NULL);
    shmctl(shm, IPC_STAT, &ds);
    shmget(0x1234abcd, 1, 0);
    shm = shmget(IPC_PRIVATE, 1, (2 << 26) | SHM_NORESERVE | 0600); /* a huge page size without SHM_HUGETLB */
    shmctl(shm, IPC_RMID, NULL);
}

static void semaphores(void) {
    int sem = semget(IPC_PRIVATE, 3, IPC_CREAT | 0640);
    union semun arg = {.val = 3};
    semctl(sem, 0, SETVAL, arg);
    semctl(sem, 0, GETVAL);
    unsigned short values[3] = {1, 2, 3};
    arg.array = values;
    semctl(sem, 0, SETALL, arg);
    struct sembuf ops[2] = {{0, -1, SEM_UNDO}, {1, 1, IPC_NOWAIT | SEM_UNDO}};
    semop(sem, ops, 2);
    syscall(SYS_semop, sem, &ops[1], 1);
    struct timespec ts = {0, 1000};
    struct sembuf wait_zero = {1, 0, 0};
    semtimedop(sem, &wait_zero, 1, &ts);
    struct semid_ds ds;
    arg.buf = &ds;
    semctl(sem, 0, IPC_STAT, arg);
    semctl(sem, 0, IPC_SET, arg);
    struct seminfo info;
    arg.info = &info;
    semctl(sem, 0, IPC_INFO, arg);
    semctl(sem, 0, IPC_RMID);
}

static void message_queues(void) {
    int q = msgget(0x42, IPC_CREAT | IPC_EXCL | 0600);
    struct { long mtype; char mtext[64]; } m = {7, "0123456789012345678901234567890123456789"};
    msgsnd(q, &m, 40, IPC_NOWAIT);
    msgsnd(q, &m, 5, 0);
    memset(&m, 0, sizeof m);
    msgrcv(q, &m, 8, -9, MSG_NOERROR | IPC_NOWAIT);
    msgrcv(q, &m, 16, 0, IPC_NOWAIT);
    msgrcv(q, &m, 16, 0, IPC_NOWAIT);
    struct msqid_ds ds;
    msgctl(q, IPC_STAT, &ds);
    msgctl(q, IPC_SET, &ds);
    msgctl(q, IPC_RMID, NULL);
}

static void posix_queues(void) {
    struct mq_attr attr = {.mq_maxmsg = 4, .mq_msgsize = 16};
    mq_unlink("/jstrace-ipc");
    mqd_t q = mq_open("/jstrace-ipc", O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    mq_send(q, "hello", 5, 3);
    struct timespec ts = {0, 1000};
    mq_timedsend(q, "0123456789012345678901234567890123456789", 16, 1, &ts);
    char buf[16];
    unsigned prio;
    mq_receive(q, buf, sizeof buf, &prio);
    mq_timedreceive(q, buf, sizeof buf, NULL, &ts);
    mq_timedreceive(q, buf, sizeof buf, &prio, &ts);
    struct mq_attr old, nonblocking = {.mq_flags = O_NONBLOCK};
    mq_getattr(q, &old);
    mq_setattr(q, &nonblocking, &old);
    struct sigevent none = {.sigev_notify = SIGEV_NONE};
    mq_notify(q, &none);
    mq_notify(q, NULL);
    mq_timedsend(q, NULL, 0, 0, NULL); /* strace prints NULL whatever the length */
    mq_close(q);
    mq_close(mq_open("/jstrace-ipc", O_RDONLY));
    mq_open("/jstrace-ipc", O_CREAT | O_RDONLY, 0x10644, NULL); /* the mode is a umode_t: 0644 */
    mq_unlink("/jstrace-ipc");
    mq_unlink("/jstrace-ipc");
}

int main(void) {
    shared_memory();
    semaphores();
    message_queues();
    posix_queues();
    return 0;
}

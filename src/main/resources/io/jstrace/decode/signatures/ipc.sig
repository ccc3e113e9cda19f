# System V IPC syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.IpcKinds)
shmget            dec    ipc_key ulong shmget_flags
shmat             hex    int ptr shmat_flags
shmdt             dec    ptr
shmctl            dec    int shmctl_cmd shmctl_buf
semget            dec    ipc_key int ipc_get_flags
semop             dec    int sembufs uint
semtimedop        dec    int sembufs uint timespec
semctl            dec    int int semctl_cmd semctl_arg
msgget            dec    ipc_key ipc_get_flags
msgsnd            dec    int msgbuf_in ulong ipc_msg_flags
msgrcv            dec    int msgbuf_out ulong long ipc_msg_flags
msgctl            dec    int msgctl_cmd msgctl_buf
# POSIX message queues
mq_open           fd     path open_flags open_mode mq_open_attr
mq_unlink         dec    path
mq_timedsend      dec    fd wbuf:2 ulong uint timespec
mq_timedreceive   dec    fd rbuf ulong mq_prio_out timespec
mq_notify         dec    fd sigevent
mq_getsetattr     dec    fd mq_attr mq_attr_out

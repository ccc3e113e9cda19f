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

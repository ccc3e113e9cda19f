# process syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
execve  dec  path  exec_argv  exec_envp
execveat  dec  dirfd  path  exec_argv  exec_envp  flags:at_flags
clone  dec  clone_stack  clone_flags  clone_ptid  clone_tls  clone_ctid
clone3  dec  clone_args  ulong
fork  dec
vfork  dec
exit  dec  int
exit_group  dec  int
wait4  dec  int  proc_wait_status  proc_wait_options  proc_rusage_out
waitid  dec  proc_waitid_type  int  sig_info_out  proc_wait_options  proc_rusage_out
getpid  dec
getppid  dec
gettid  dec
getuid  dec
geteuid  dec
getgid  dec
getegid  dec
setuid  dec  proc_uid
setgid  dec  proc_uid
setfsuid  dec  proc_uid
setfsgid  dec  proc_uid
setreuid  dec  proc_uid  proc_uid
setregid  dec  proc_uid  proc_uid
setresuid  dec  proc_uid  proc_uid  proc_uid
setresgid  dec  proc_uid  proc_uid  proc_uid
getresuid  dec  proc_uid_out  proc_uid_out  proc_uid_out
getresgid  dec  proc_uid_out  proc_uid_out  proc_uid_out
getgroups  dec  int  proc_groups_out
setgroups  dec  int  proc_groups
setsid  dec
getsid  dec  int
setpgid  dec  int  int
getpgid  dec  int
getpgrp  dec
prctl  prctl  prctl_option  prctl_arg  prctl_arg  prctl_arg  prctl_arg
capget  dec  proc_cap_header  proc_cap_data_out
capset  dec  proc_cap_header  proc_cap_data
arch_prctl  dec  arch_prctl_option  arch_prctl_arg
set_tid_address  dec  ptr
set_robust_list  dec  ptr  ulong
get_robust_list  dec  int  proc_robust_list_out  proc_robust_list_out
rseq  dec  ptr  hex  proc_rseq_flags  hex
prlimit64  dec  int  proc_rlimit_resource  proc_rlimit  proc_rlimit_out
getrlimit  dec  proc_rlimit_resource  proc_rlimit_out
setrlimit  dec  proc_rlimit_resource  proc_rlimit
getrusage  dec  proc_rusage_who  proc_rusage_out
unshare  dec  proc_unshare_flags
setns  dec  fd  flags:setns_types

# process syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
execve             dec   path  argv  envp
execveat           dec   dirfd  path  argv  envp  flags:at_flags
clone              dec   clone_stack  clone_flags  clone_ptid  clone_ctid  clone_tls
clone3             dec   clone_args  ulong
fork               dec
vfork              dec
exit               dec   int
exit_group         dec   int
wait4              dec   int  wait_status  wait_options  rusage_out
waitid             dec   waitid_type  int  siginfo_out  wait_options  rusage_out
getpid             dec
getppid            dec
gettid             dec
getuid             dec
geteuid            dec
getgid             dec
getegid            dec
setuid             dec   uid
setgid             dec   uid
setfsuid           dec   uid
setfsgid           dec   uid
setreuid           dec   uid  uid
setregid           dec   uid  uid
setresuid          dec   uid  uid  uid
setresgid          dec   uid  uid  uid
getresuid          dec   uid_out  uid_out  uid_out
getresgid          dec   uid_out  uid_out  uid_out
getgroups          dec   int  groups_out
setgroups          dec   int  groups
setsid             dec
getsid             dec   int
setpgid            dec   int  int
getpgid            dec   int
getpgrp            dec
prctl              prctl  prctl_option  prctl_arg  prctl_arg  prctl_arg  prctl_arg
arch_prctl         dec   arch_prctl_option  arch_prctl_arg
set_tid_address    dec   ptr
set_robust_list    dec   ptr  ulong
get_robust_list    dec   int  robust_list_out  robust_list_out
rseq               dec   ptr  hex  rseq_flags  hex
prlimit64          dec   int  rlimit_resource  rlimit  rlimit_out
getrlimit          dec   rlimit_resource  rlimit_out
setrlimit          dec   rlimit_resource  rlimit
getrusage          dec   rusage_who  rusage_out
unshare            dec   unshare_flags
setns              dec   fd  flags:setns_types

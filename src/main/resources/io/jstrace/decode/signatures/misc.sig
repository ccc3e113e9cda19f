# misc syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
futex                   dec           ptr  futex_op  futex_arg  futex_arg  futex_arg  futex_arg
getrandom               dec           getrandom_buf  ulong  flags32:getrandom_flags
uname                   dec           utsname_out
sysinfo                 dec           sysinfo_out
times                   udec          tms_out
sched_getaffinity       dec           int  uint  cpuset_out
sched_setaffinity       dec           int  uint  cpuset
sched_yield             dec
sched_getparam          dec           int  sched_param_out
sched_setparam          dec           int  sched_param
sched_getscheduler      sched_policy  int
sched_setscheduler      dec           int  sched_policy  sched_param
sched_get_priority_max  dec           sched_policy
sched_get_priority_min  dec           sched_policy
getpriority             dec           prio_which  int
setpriority             dec           prio_which  int  int
personality             personality   personality

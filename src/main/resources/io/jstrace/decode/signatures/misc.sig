# misc syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
futex  dec  ptr  futex_op  futex_arg  futex_arg  futex_arg  futex_arg
getrandom  dec  misc_getrandom_buf  ulong  flags32:getrandom_flags
uname  dec  misc_utsname_out
sysinfo  dec  misc_sysinfo_out
times  udec  misc_tms_out
sched_getaffinity  dec  int  uint  sched_cpuset_out
sched_setaffinity  dec  int  uint  sched_cpuset
sched_yield  dec
ioprio_get  ioprio  misc_ioprio_who  int
ioprio_set  dec  misc_ioprio_who  int  misc_ioprio
sched_getparam  dec  int  sched_param_out
sched_setparam  dec  int  sched_param
sched_getscheduler  sched_policy  int
sched_setscheduler  dec  int  sched_policy  sched_param
sched_get_priority_max  dec  sched_policy
sched_get_priority_min  dec  sched_policy
sched_getattr  dec  int  sched_attr_out  uint  uint
sched_rr_get_interval  dec  int  timespec_out
getcpu  dec  misc_getcpu_out  misc_getcpu_out  ptr
membarrier  membarrier  misc_membarrier_cmd  flags32:membarrier_flags  misc_membarrier_cpu
sched_setattr  dec  int  sched_attr  uint
getpriority  dec  misc_prio_which  int
setpriority  dec  misc_prio_which  int  int
personality  misc_personality  misc_personality

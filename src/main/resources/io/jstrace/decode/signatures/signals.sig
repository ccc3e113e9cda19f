# signals syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
rt_sigaction  dec  sig_num  sig_action  sig_action_out  ulong
rt_sigprocmask  dec  sig_how  sig_set:3  sig_set_out:3  ulong
rt_sigreturn  dec  sig_return_mask
rt_sigsuspend  dec  sig_set:1  ulong
rt_sigpending  dec  sig_set_out:1  ulong
rt_sigtimedwait  sig_num  sig_set:3  sig_info_out  sig_timespec  ulong
rt_sigqueueinfo  dec  int  sig_num  sig_info
rt_tgsigqueueinfo  dec  int  int  sig_num  sig_info
sigaltstack  dec  sig_stack  sig_stack_out
signalfd  fd  fd  sig_set:2  ulong
signalfd4  fd  fd  sig_set:2  ulong  flags:sfd_flags
pause  dec
kill  dec  int  sig_num
tkill  dec  int  sig_num
tgkill  dec  int  int  sig_num
pidfd_send_signal  dec  fd  sig_num  sig_info  uint
pidfd_open  fd  int  uint

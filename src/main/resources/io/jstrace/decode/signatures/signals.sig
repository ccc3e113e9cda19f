# signals syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
rt_sigaction       dec    signo  sigaction  sigaction_out  ulong
rt_sigprocmask     dec    sigprocmask_how  sigset:3  sigset_out:3  ulong
rt_sigreturn       dec    sigreturn_mask
rt_sigsuspend      dec    sigset:1  ulong
rt_sigpending      dec    sigset_out:1  ulong
rt_sigtimedwait    signo  sigset:3  siginfo_out  signal_timespec  ulong
rt_sigqueueinfo    dec    int  signo  siginfo
rt_tgsigqueueinfo  dec    int  int  signo  siginfo
sigaltstack        dec    sigaltstack  sigaltstack_out
signalfd           fd     fd  sigset:2  ulong
signalfd4          fd     fd  sigset:2  ulong  flags:sfd_flags
pause              dec
alarm              dec    uint
kill               dec    int  signo
tkill              dec    int  signo
tgkill             dec    int  int  signo

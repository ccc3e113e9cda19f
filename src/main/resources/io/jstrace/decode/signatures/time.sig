# time syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
nanosleep         dec     timespec sleep_rem
clock_nanosleep   dec     clockid timer_flags timespec clock_nanosleep_rem
clock_gettime     dec     clockid timespec_out
clock_getres      dec     clockid timespec_out
clock_settime     dec     clockid timespec
gettimeofday      dec     timeval_out timezone_out
settimeofday      dec     timeval timezone
time              time_t  time_out
alarm             dec     uint
setitimer         dec     itimer_which itimerval itimerval_out
getitimer         dec     itimer_which itimerval_out
timer_create      dec     clockid sigevent timer_id_out
timer_settime     dec     int timer_flags itimerspec itimerspec_out
timer_gettime     dec     int itimerspec_out
timer_getoverrun  dec     int
timer_delete      dec     int
timerfd_create    fd      clockid flags32:timerfdflags
timerfd_settime   dec     fd flags32:timerfdflags itimerspec itimerspec_out
timerfd_gettime   dec     fd itimerspec_out

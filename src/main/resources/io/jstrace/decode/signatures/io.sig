# io syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
read            dec     fd rbuf ulong
write           dec     fd wbuf:2 ulong
pread64         dec     fd rbuf ulong long
pwrite64        dec     fd wbuf:2 ulong long
readv           dec     fd iov_out:2 ulong
writev          dec     fd iov_in:2 ulong
preadv          dec     fd iov_out:2 ulong long
pwritev         dec     fd iov_in:2 ulong long
preadv2         dec     fd iov_out:2 ulong long rwf_flags
pwritev2        dec     fd iov_in:2 ulong long rwf_flags
poll            poll    pollfds uint int
ppoll           ppoll   pollfds uint timespec sigmask_sized:4 ulong
select          select  int fdset fdset fdset timeval
pselect6        pselect6 int fdset fdset fdset timespec pselect6_sigmask
epoll_create    fd      int
epoll_create1   fd      flags32:epollflags
epoll_ctl       dec     fd epoll_ctl_op fd epoll_event
epoll_wait      dec     fd epoll_events_out int int
epoll_pwait     dec     fd epoll_events_out int int sigmask_sized:5 ulong
epoll_pwait2    dec     fd epoll_events_out int timespec sigmask_sized:5 ulong
eventfd         fd      uint
eventfd2        fd      uint flags32:eventfd_flags

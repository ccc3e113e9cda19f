# network syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
socket        fd   sock_family sock_type sock_protocol
socketpair    dec  sock_family sock_type sock_protocol int_pair_out
bind          dec  fd sockaddr_in:2 int
connect       dec  fd sockaddr_in:2 int
listen        dec  fd int
shutdown      dec  fd enum:shutdown_modes
accept        fd   fd sockaddr_out:2 socklen_out socklen_entry:2
accept4       fd   fd sockaddr_out:2 socklen_out sock_flags socklen_entry:2
getsockname   dec  fd sockaddr_out:2 socklen_out socklen_entry:2
getpeername   dec  fd sockaddr_out:2 socklen_out socklen_entry:2
sendto        dec  fd wbuf:2 ulong msg_flags sockaddr_in:5 int
recvfrom      dec  fd rbuf ulong msg_flags sockaddr_out:5 socklen_out socklen_entry:5
sendmsg       dec  fd msghdr_in msg_flags
recvmsg       dec  fd msghdr_out msg_flags msg_namelen_entry
setsockopt    dec  fd sol setsockopt_name setsockopt_val int
getsockopt    dec  fd sol getsockopt_name getsockopt_val socklen_out socklen_entry:4
sendmmsg      dec  fd mmsgvec_sent uint msg_flags
recvmmsg      recvmmsg  fd mmsgvec_received uint msg_flags timespec

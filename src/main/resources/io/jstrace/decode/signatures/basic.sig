# name  return  argument kinds (see io.jstrace.decode.*Kinds)
read	dec	fd	rbuf	ulong
write	dec	fd	wbuf:2	ulong
close	dec	fd
openat	fd	dirfd	path	hex	oct
exit_group	dec	int
getpid	dec

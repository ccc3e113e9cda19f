# memory syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
brk  hex  ptr
mmap  hex  ptr  ulong  mem_prot  mem_mmap_flags  fd  hex
munmap  dec  ptr  ulong
mprotect  dec  ptr  ulong  mem_prot
pkey_mprotect  dec  ptr  ulong  mem_prot  int
mremap  hex  ptr  ulong  ulong  flags:mremap_flags  mem_mremap_addr
madvise  dec  ptr  ulong  mem_madvise_advice
msync  dec  ptr  ulong  flags:msync_flags
mlock  dec  ptr  ulong
munlock  dec  ptr  ulong
mlock2  dec  ptr  ulong  flags:mlock_flags
mlockall  dec  flags:mlockall_flags
munlockall  dec
pkey_free  dec  int
memfd_create  fd  str  mem_memfd_flags
get_mempolicy  dec  mem_mpol_mode_out  mem_nodemask_out  ulong  ptr  flags:get_mempolicy_flags
set_mempolicy  dec  mem_mpol_mode  mem_nodemask  ulong
mbind  dec  ptr  ulong  mem_mpol_mode  mem_nodemask  ulong  flags:mbind_flags

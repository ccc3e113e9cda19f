# files syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)

# Sourced by bin/jstrace and by the jstrace that bin/install installs: how jstrace's JVM starts.

# Records what jstrace itself inherited, because the traced command must get exactly that and
# both bash and the JVM change it: the environment as bytes, in order (bash bumps SHLVL, sets _
# and reorders it), the open descriptors (the JVM opens its own) and the ignored and blocked
# signals (the JVM installs handlers). Call it after every `source`: a file being sourced is an
# open descriptor too.
jstrace_inherited() {
  # /proc/self, not /proc/$$: in a PID namespace whose /proc is its parent's, $$ names another process.
  mapfile -d '' jstrace_env < /proc/self/environ
  jstrace_fds=
  local f n k v t
  for f in /proc/self/fd/*; do
    n=${f##*/}
    # 255 is bash's own copy of the script; the directory listing's fd is closed by now. With stderr
    # closed, bash's first open of the script took fd 2 and left it there: not the command's either.
    [[ $n != 255 && -e /proc/self/fd/$n ]] || continue
    [[ $n -le 2 && /proc/self/fd/$n -ef /proc/self/fd/255 ]] && continue
    jstrace_fds+=${jstrace_fds:+,}$n
  done
  while read -r k v; do
    [[ $k == SigBlk: ]] && jstrace_sigblk=$v
  done < /proc/self/status
  # Signals ignored on entry, by name. (/proc's SigIgn would not do: bash ignores SIGQUIT for itself.)
  jstrace_sigign=
  for t in $(trap -p); do
    [[ $t == SIG* ]] && jstrace_sigign+=${jstrace_sigign:+,}${t#SIG}
  done
}

# jstrace_exec JAVA JAR AOT [ARGS...]: runs jstrace's JAR on JAVA (a JDK 25's or a jlinked
# runtime's bin/java) with what jstrace_inherited recorded; never returns.
#
# A young generation of 8 MiB bounds the resident size of long traces: the events are short-lived,
# and collecting them often costs no time that shows (dd bs=1, 400,000 lines: peak RSS 56 MiB with
# 8 MiB, 63 with 16, 101 with 64, at the same wall time, 5 interleaved runs; the default, a third
# of 1/64 of the machine's memory, reached 150 MiB on a 24 GiB machine). C1 alone starts a quarter
# faster than tiered compilation. At exit, the JVM by default waits up to 300 ms for threads blocked
# in native code (jstrace's signal reader sits in read(2) all run long): jstrace has flushed its
# output by then and those threads touch no JVM state, so it need not wait (a run of `true` took
# 0.41 s with the wait, 0.10 s without).
#
# JDK 25's AOT cache AOT holds jstrace's classes loaded and linked from a training run: it halves
# start-up. It is made once per jar where AOT's folder is writable (a stale cache is ignored by
# the JVM, silently). It keeps no method profiles: replaying them queued compilations that
# competed with start-up for the CPU (0.90-1.00 of the time with them, in 7 series of 13-31
# interleaved runs).
jstrace_exec() {
  local java=$1 jar=$2 aot=$3
  shift 3
  local jvm=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmn8m -XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:UserThreadWaitAttemptsAtExit=0)
  if [[ ! $aot -nt $jar && -w ${aot%/*} ]]; then
    local tmp=$aot.$$
    "$java" "${jvm[@]}" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput="$tmp" -jar "$jar" \
      -f -o /dev/null /bin/sh -c 'cat /etc/hostname; ls -la / /dev/null' > /dev/null 2>&1 && mv -f "$tmp" "$aot"
    rm -f "$tmp" "$tmp.config"
  fi
  [[ -r $aot ]] && jvm+=(-XX:AOTCache="$aot")
  # Messages start with the name jstrace was run by, as strace's do: the path, or the plain name
  # when PATH finds this very file by it.
  local name=$0
  [[ $(type -P -- "${0##*/}") -ef $0 ]] && name=${0##*/}
  exec {jstrace_envfd}< <(printf '%s\0' "${jstrace_env[@]}")
  exec "$java" "${jvm[@]}" \
    -Djstrace.fds="$jstrace_fds" -Djstrace.sigign="$jstrace_sigign" -Djstrace.sigblk="$jstrace_sigblk" \
    -Djstrace.envfd="$jstrace_envfd" -Djstrace.envpid="$!" -Djstrace.name="$name" -jar "$jar" "$@"
}

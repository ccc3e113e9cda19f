package io.jstrace.cli;

/** The -h text: the options jstrace supports today, in strace's words. */
final class Help {
    private Help() {}

    static final String VERSION = "0.1.0";

    static final String TEXT = """
            Usage: jstrace [-ACdffhikqqrtttTvVwxxyyzZ] [-I N] [-e EXPR]... [-a COLUMN] [-o FILE]
                           [-s STRSIZE] [-X FORMAT] [-O OVERHEAD] [-S SORTBY] [-P PATH]... [-p PID]...
                           [-U COLUMNS] [--seccomp-bpf] { -p PID | [-E VAR=VAL]... [--] PROG [ARGS] }
               or: jstrace -c[dfwzZ] [-I N] [-e EXPR]... [-O OVERHEAD] [-S SORTBY] [-P PATH]... [-p PID]...
                           [-U COLUMNS] [--seccomp-bpf] { -p PID | [-E VAR=VAL]... [--] PROG [ARGS] }

            General:
              -e EXPR        a qualifying expression: OPTION=[!]all or OPTION=[!]VAL1[,VAL2]...
                             options: trace, abbrev, verbose, raw, signal, read, write, fault,
                             inject, status, quiet, kvm, decode-fds (each also --OPTION=...)
              -e trace=SET, --trace=SET      trace only the system calls in SET: names, numbers,
                             %classes, /regexes (POSIX), each ?-prefixed (no match is no error) or
                             @64/@32/@x32-suffixed (one personality), all, none
              -e signal=SET, --signals=SET   trace only the signals in SET
              -e status=SET, --status=SET    print only the calls whose outcome is in SET: successful,
                             failed, unfinished, unavailable, detached
              -e inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=SYSCALL]
                        [:delay_enter=DELAY][:delay_exit=DELAY][:when=FIRST[..LAST][+[STEP]]]
                             tamper with the calls of SET (also --inject=)
              -e fault=SET[:error=ERRNO][:when=EXPR]
                             fail the calls of SET with ERRNO (default ENOSYS; also --fault=)
              -e kvm=vcpu, --kvm=vcpu        KVM_RUN's return shows the vCPU's exit reason
            Startup:
              -E VAR=VAL, --env=VAR=VAL  put VAR=VAL in the environment for the command
              -E VAR, --env=VAR      remove VAR from the environment for the command
              -p PID, --attach=PID   trace process PID (repeatable; comma or space separated lists)
              -u USERNAME, --user=USERNAME
                                     run the command with the ids and groups of USERNAME (root only)
              -I INTERRUPTIBLE, --interruptible=INTERRUPTIBLE
                                     when the terminal's signals end the trace: 1 anywhere (always),
                                     2 waiting (default), 3 never (default with -o and a command),
                                     4 never_tstp (^Z too)
            Tracing:
              -f, --follow-forks     follow forks, vforks and clones
              -b execve, --detach-on=execve
                                     let each process go at its execve (but the command's first)
              -F                     -f (deprecated, as in strace)
              -P PATH, --trace-path=PATH
                                     trace only the calls that access PATH (by path or fd; repeatable)
              --syscall-limit=N      detach from the tracees after N shown syscalls
              -ff, --output-separately
                                     with -o FILE, write each process's trace to FILE.PID
              --seccomp-bpf, --no-seccomp-bpf
                                     stop only at traced calls, with a seccomp filter (default with -f,
                                     a trace set that leaves calls out and a started command)
              --backend=ptrace|bpf   trace with ptrace (default) or with eBPF programs, which never stop
                                     the tracee (root)
              --kill-on-exit         kill the started command and its descendants when jstrace ends or is
                                     interrupted, instead of leaving them running (strace 6.6)
            Filtering:
              -z, --successful-only  print only the calls that returned without an error code
              -Z, --failed-only, --failing-only
                                     print only the calls that returned with an error code
            Seccomp:
              --seccomp-profile FILE write the calls of the run as a Docker/OCI seccomp profile
              --seccomp-policy FILE  run the command under a Docker/OCI seccomp profile, reporting
                                     each call it denies
              --seccomp-profile-base FILE
                                     add FILE's rules (an OCI runtime's own needs) to the profile written
              --seccomp-profile-args allow socket, socketpair and personality in the profile written
                                     only with the first arguments seen
            Output format:
              -a COLUMN, --columns=COLUMN
                             alignment COLUMN for printing syscall results (default 40)
              --color[=WHEN], --colour[=WHEN]
                             colour names, strings, errors, signals and exits: always (no WHEN),
                             auto (a terminal, unless NO_COLOR is set) or never (default)
              -e abbrev=SET, --abbrev=SET    abbreviate output for the syscalls in SET (-v: none)
              -e verbose=SET, --verbose=SET  dereference structures for the syscalls in SET
              -e raw=SET, --raw=SET          print undecoded arguments for the syscalls in SET
              -e read=FDS, --read=FDS        dump the data read from the file descriptors in FDS
              -e write=FDS, --write=FDS      dump the data written to the file descriptors in FDS
              -e quiet=SET, --quiet=SET, --silent=SET, --silence=SET
                                             suppress messages: attach, exit, path-resolution,
                                             personality, thread-execve
              -i, --instruction-pointer      print the instruction pointer at the time of the syscall
              -k, --stack-traces     obtain stack trace between each syscall
              -n, --syscall-number   print syscall numbers
              -o FILE, --output=FILE send trace output to FILE instead of stderr
              -A, --output-append-mode
                             open the file given with -o in append mode
              -q             suppress messages about attaching and detaching; -qq also exit statuses;
                             -qqq all suppressible messages
              -r, --relative-timestamps[=PRECISION]
                             print relative timestamps (PRECISION s, ms, us (default) or ns)
              -s STRSIZE, --string-limit=STRSIZE
                             limit length of print strings to STRSIZE chars (default 32)
              -t, -tt, -ttt  print absolute timestamps (seconds, microseconds, epoch)
              --absolute-timestamps=[[format:]FORMAT][,[precision:]PRECISION], --timestamps=...
                             FORMAT none, time or unix; PRECISION s, ms, us or ns
              -T, --syscall-times[=PRECISION]
                             print time spent in each syscall
              -v, --no-abbrev        verbose mode: print entities unabbreviated
              -x, -xx, --strings-in-hex[=none|non-ascii|all]
                             print non-ASCII strings in hex, -xx all strings
              -X FORMAT, --const-print-style=FORMAT
                             raw, abbrev or verbose constants
              -y, -yy, --decode-fds[=path|all]
                             print paths (and socket details) associated with file descriptors
              -Y, --decode-pids=comm
                             print command names for PIDs
              --pidns-translation, --decode-pids=pidns
                             print PIDs in jstrace's PID namespace too
            Statistics:
              -c, --summary-only     count time, calls, and errors for each syscall and report summary
              -C, --summary          like -c, but also print the regular output
              -O OVERHEAD[UNIT], --summary-syscall-overhead=OVERHEAD[UNIT]
                                     set overhead for tracing syscalls to OVERHEAD UNITs
                                     (units: s, ms, us, ns; default is microseconds)
              -S SORTBY, --summary-sort-by=SORTBY
                                     sort syscall counts by: time, min-time, max-time, avg-time,
                                     calls, errors, name, nothing (default time)
              -U COLUMNS, --summary-columns=COLUMNS
                                     show specific columns in the summary report: comma-separated
                                     list of time-percent, total-time, min-time, max-time,
                                     avg-time, calls, errors, name
                                     (default time-percent,total-time,avg-time,calls,errors,name)
              -w, --summary-wall-clock
                                     summarise syscall latency (default is system time)
              --json         write JSON Lines (docs/jstrace-jsonl.schema.json) instead of text
              --timeline FILE
                             also write a Chrome/Perfetto trace-event timeline to FILE
            Miscellaneous:
              -d, --debug    enable debug output (jstrace: unknown syscall numbers only)
              --tips[=[id:]ID][,[format:]FORMAT]
                             show jstrace tips, tricks, and tweaks on exit: ID a number or random,
                             FORMAT none, compact or full
              -h, --help     print this help
              -V, --version  print version
            Checked as strace checks them, then refused (not supported yet):
            -D, -DD, -DDD, --daemonize[=grandchild|pgroup|session] (also --daemonised, --daemonized);
            --secontext[=FORMAT] (as an strace built without SELinux)
            The manual: man jstrace (docs/jstrace.1)
            """;
}

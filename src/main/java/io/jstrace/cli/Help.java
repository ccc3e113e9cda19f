package io.jstrace.cli;

/** The -h text: the options jstrace supports today, in strace's words. */
final class Help {
    private Help() {}

    static final String VERSION = "0.1.0";

    static final String TEXT = """
            Usage: jstrace [-ACfhikqqrtttTvVwxxyyzZ] [-a column] [-e expr]... [-o file] [-P path]... [-p pid]...
                           [-s strsize] [-X format] [-O overhead] [-S sortby] [-U columns]
                           { -p pid | [--] PROG [ARGS] }
               or: jstrace -c[fw] [-e expr]... [-O overhead] [-S sortby] [-U columns]
                           { -p pid | [--] PROG [ARGS] }

            General:
              -e EXPR        a qualifying expression: trace=[!][?]SET (names, %class, /regex, all, none),
                             signal=[!]SET, status=SET, abbrev=SET, verbose=SET, raw=SET (syscall sets
                             as for trace=), read=FDS, write=FDS, quiet=SET
              -e trace=SET, --trace=SET      trace only the system calls in SET
              -e signal=SET, --signal=SET    trace only the signals in SET
              -e inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=SYSCALL]
                        [:delay_enter=DELAY][:delay_exit=DELAY][:when=FIRST[..LAST][+[STEP]]]
                             tamper with the calls of SET (also --inject=)
              -e fault=SET[:error=ERRNO][:when=EXPR]
                             fail the calls of SET with ERRNO (default ENOSYS; also --fault=)
            Startup:
              -p PID, --attach=PID   trace process PID (repeatable; comma or space separated lists)
            Tracing:
              -f, --follow-forks     follow forks, vforks and clones
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
            Filtering:
              -z, --successful-only  print only the calls that returned without an error code
              -Z, --failed-only      print only the calls that returned with an error code
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
              -r, --relative-timestamps
                             print relative timestamps
              -s STRSIZE, --string-limit=STRSIZE
                             limit length of print strings to STRSIZE chars (default 32)
              -t, -tt, -ttt  print absolute timestamps (seconds, microseconds, epoch)
              --absolute-timestamps=[[format:]FORMAT][,[precision:]PRECISION], --timestamps=...
                             FORMAT none, time or unix; PRECISION s, ms, us or ns
              -T, --syscall-times    print time spent in each syscall
              -v, --no-abbrev        verbose mode: print entities unabbreviated
              -x, -xx        print non-ASCII strings in hex, -xx all strings
              -X FORMAT, --const-print-style=FORMAT
                             raw, abbrev or verbose constants
              -y, -yy, --decode-fds[=path|all]
                             print paths (and socket details) associated with file descriptors
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
              -h, --help     print this help
              -V, --version  print version
            Not supported yet (refused): -b SYSCALL, -d, -D, -E VAR[=VAL], -F, -I INTERRUPTIBLE, -u USERNAME
            The manual: man jstrace (docs/jstrace.1)
            """;
}

package io.jstrace.cli;

/** The -h text: the options jstrace supports today, in strace's words. */
final class Help {
    private Help() {}

    static final String VERSION = "0.1.0";

    static final String TEXT = """
            Usage: jstrace [-fnqrtTvVxy] [-a column] [-e expr]... [-o file] [-p pid]... [-s strsize] [-X format]
                           { -p pid | [--] PROG [ARGS] }

            General:
              -e EXPR        a qualifying expression: trace=[!][?]SET (names, %class, /regex, all, none),
                             signal=[!]SET
            Startup:
              -p PID, --attach=PID   trace process PID (repeatable; comma or space separated lists)
            Tracing:
              -f, --follow-forks     follow forks, vforks and clones
              -ff, --output-separately
                                     with -o FILE, write each process's trace to FILE.PID
              --seccomp-bpf, --no-seccomp-bpf
                                     stop only at traced calls, with a seccomp filter (default with -f,
                                     a trace set that leaves calls out and a started command)
            Seccomp:
              --seccomp-profile FILE write the calls of the run as a Docker/OCI seccomp profile
              --seccomp-policy FILE  run the command under a Docker/OCI seccomp profile, reporting
                                     each call it denies
            Output format:
              -a COLUMN      alignment COLUMN for printing syscall results (default 40)
              -n             print syscall numbers
              -o FILE        send trace output to FILE instead of stderr
              -A             open the file given with -o in append mode
              -q             suppress messages about attaching and detaching; -qq also exit statuses
              -r             print relative timestamps
              -s STRSIZE     limit length of print strings to STRSIZE chars (default 32)
              -t, -tt, -ttt  print absolute timestamps (seconds, microseconds, epoch)
              -T             print time spent in each syscall
              -v             verbose mode: print entities unabbreviated
              -x, -xx        print non-ASCII strings in hex, -xx all strings
              -X FORMAT      raw, abbrev or verbose constants
              -y, -yy        print paths (and socket details) associated with file descriptors
            Miscellaneous:
              -h, --help     print this help
              -V, --version  print version
            """;
}

package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The process, kernel and signal calls of src/test/c/proccalls.c traced by jstrace and by
 * /usr/bin/strace in the same conditions, under each -X style and -v: identical lines once
 * addresses and pids are masked. CI guards with it what strace's own test suite found.
 */
class ProcessCompareIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsStrace() {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
    }

    /** The calls the tracee makes on purpose (the loader's are other families' business). */
    private static final String CALLS = "-e trace=prctl,arch_prctl,%signal,%process,%creds,/^sched_,wait4,"
            + "uname,ioprio_set,ioprio_get,getcpu,unshare,setns,kcmp,futex,futex_waitv,reboot,swapon,swapoff,"
            + "sethostname,setdomainname,syslog,acct,iopl,ioperm,keyctl,add_key,request_key,"
            + "clone3,/^landlock_,seccomp,/^process_,/_module$,/^kexec_,ptrace,perf_event_open,ioctl,"
            + "set_thread_area,get_thread_area,modify_ldt,_sysctl,umask";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "-v", "-X raw", "-X verbose", "-v -X verbose -s 8"})
    void sameLinesAsStrace(String options) throws Exception {
        List<String> opts = Arrays.asList((CALLS + " " + options).trim().split(" +"));
        StraceDiff.Pair p = StraceDiff.run(tmp, opts, "exec " + Run.tracee("proccalls"));
        assertEquals(String.join("\n", p.strace()), String.join("\n", p.jstrace()));
    }

    /** Each fd kind alone and together: the first of socket, dev, pidfd that applies, else the path if asked. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-y", "-yy", "-e decode-fds=pidfd", "-e decode-fds=socket", "-e decode-fds=dev",
            "-e decode-fds=path,pidfd", "-e decode-fds=none"})
    void fdDecodingAsStrace(String options) throws Exception {
        List<String> opts = Arrays.asList(("-e trace=/^pidfd_,ptrace,clone,wait4 " + options).split(" +"));
        StraceDiff.Pair p = StraceDiff.run(tmp, opts, "exec " + Run.tracee("proccalls"));
        assertEquals(String.join("\n", p.strace()), String.join("\n", p.jstrace()));
    }
}

package io.jstrace.seccomp;

import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProfileReaderTest {
    static final long CAP_SYS_ADMIN = 1L << 21, CAP_SYS_PTRACE = 1L << 19;
    static final Host ROOT = new Host(0x1ffffffffffL, 6, 1), NOBODY = new Host(0, 6, 1);
    static final Action EPERM = new Action(Action.Kind.ERRNO, 1);

    @TempDir
    Path tmp;
    final List<String> notes = new ArrayList<>();

    private Profile read(String json) throws IOException, ProfileError {
        return read(json, ROOT);
    }

    private Profile read(String json, Host host) throws IOException, ProfileError {
        Path f = tmp.resolve("p.json");
        Files.writeString(f, json);
        return ProfileReader.read("seccomp policy", f.toString(), SyscallTable.x86_64(), host, notes::add);
    }

    static Profile docker(Host host) throws ProfileError {
        return ProfileReader.read("seccomp policy", "src/test/resources/seccomp/docker-default.json", SyscallTable.x86_64(),
                host, m -> { });
    }

    private String error(String json) {
        return assertThrows(ProfileError.class, () -> read(json)).getMessage()
                .replace("seccomp policy '" + tmp.resolve("p.json") + "': ", "");
    }

    static Action of(Profile p, String name, long... args) {
        return p.of(name, java.util.Arrays.copyOf(args, 6));
    }

    @Test
    void readsDockerProfiles() throws Exception {
        Profile p = read("""
                {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
                 "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]}],
                 "syscalls": [
                   {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW", "args": [], "comment": "io",
                    "includes": {}, "excludes": {"caps": []}},
                   {"name": "openat", "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
                   {"names": ["ptrace"], "action": "SCMP_ACT_ERRNO"},
                   {"names": ["reboot"], "action": "SCMP_ACT_KILL"},
                   {"names": ["kexec_load"], "action": "SCMP_ACT_KILL_PROCESS"},
                   {"names": ["uname"], "action": "SCMP_ACT_LOG"},
                   {"names": ["getppid"], "action": "SCMP_ACT_TRACE"},
                   {"names": ["getpid"], "action": "SCMP_ACT_TRAP"}
                 ]}
                """);
        assertEquals(new Action(Action.Kind.ERRNO, 38), p.defaultAction());
        assertEquals(Action.ALLOW, of(p, "write"));
        assertEquals(new Action(Action.Kind.ERRNO, 13), of(p, "openat"));
        assertEquals(EPERM, of(p, "ptrace"), "errnoRet defaults to EPERM");
        assertEquals(Action.Kind.KILL_THREAD, of(p, "reboot").kind(), "SCMP_ACT_KILL is KILL_THREAD");
        assertEquals(Action.Kind.KILL_PROCESS, of(p, "kexec_load").kind());
        assertEquals(Action.Kind.LOG, of(p, "uname").kind());
        assertEquals(new Action(Action.Kind.TRACE, 1), of(p, "getppid"), "runc gives TRACE the data EPERM");
        assertEquals(Action.Kind.TRAP, of(p, "getpid").kind());
        assertEquals(new Action(Action.Kind.ERRNO, 38), of(p, "close"));
        assertEquals(List.of(), notes);
    }

    @Test
    void argumentConditionsWithEveryOperator() throws Exception {
        Profile p = read("""
                {"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
                  {"names": ["getpid"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 5, "op": "SCMP_CMP_NE"}]},
                  {"names": ["getppid"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 1, "value": 5, "op": "SCMP_CMP_LT"}]},
                  {"names": ["getuid"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 2, "value": 5, "op": "SCMP_CMP_LE"}]},
                  {"names": ["getgid"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 3, "value": 18446744073709551615, "op": "SCMP_CMP_EQ"}]},
                  {"names": ["geteuid"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 4, "value": 4294967296, "op": "SCMP_CMP_GE"}]},
                  {"names": ["getegid"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 5, "value": 5, "op": "SCMP_CMP_GT"}]},
                  {"names": ["gettid"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 240, "valueTwo": 48, "op": "SCMP_CMP_MASKED_EQ"}]}
                ]}""");
        assertEquals(EPERM, of(p, "getpid", 5));
        assertEquals(Action.ALLOW, of(p, "getpid", 6));
        assertEquals(Action.ALLOW, of(p, "getppid", 0, 4));
        assertEquals(EPERM, of(p, "getppid", 0, 5));
        assertEquals(EPERM, of(p, "getppid", 0, -1), "unsigned: -1 is the largest");
        assertEquals(Action.ALLOW, of(p, "getuid", 0, 0, 5));
        assertEquals(EPERM, of(p, "getuid", 0, 0, 6));
        assertEquals(Action.ALLOW, of(p, "getgid", 0, 0, 0, -1));
        assertEquals(EPERM, of(p, "getgid", 0, 0, 0, 0xffffffffL));
        assertEquals(Action.ALLOW, of(p, "geteuid", 0, 0, 0, 0, 1L << 32));
        assertEquals(EPERM, of(p, "geteuid", 0, 0, 0, 0, 0xffffffffL));
        assertEquals(Action.ALLOW, of(p, "getegid", 0, 0, 0, 0, 0, 6));
        assertEquals(EPERM, of(p, "getegid", 0, 0, 0, 0, 0, 5));
        assertEquals(Action.ALLOW, of(p, "gettid", 0x3f));
        assertEquals(EPERM, of(p, "gettid", 0x4f));
    }

    @Test
    void conditionsOnDistinctArgumentsAllHoldOnOneArgumentAnyDoes() throws Exception {
        Profile p = read("""
                {"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
                  {"names": ["getpid"], "action": "SCMP_ACT_ALLOW",
                   "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}, {"index": 1, "value": 2, "op": "SCMP_CMP_EQ"}]},
                  {"names": ["getppid"], "action": "SCMP_ACT_ALLOW",
                   "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}, {"index": 0, "value": 2, "op": "SCMP_CMP_EQ"}]}
                ]}""");
        assertEquals(Action.ALLOW, of(p, "getpid", 1, 2));
        assertEquals(EPERM, of(p, "getpid", 1, 3));
        assertEquals(Action.ALLOW, of(p, "getppid", 1), "runc: one rule per condition when an argument repeats");
        assertEquals(Action.ALLOW, of(p, "getppid", 2));
        assertEquals(EPERM, of(p, "getppid", 3));
    }

    @Test
    void rulesCombineAsRuncAndLibseccompCombineThem() throws Exception {
        Profile p = read("""
                {"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
                  {"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}]},
                  {"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": 97},
                  {"names": ["read"], "action": "SCMP_ACT_ALLOW"},
                  {"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": 5},
                  {"names": ["write"], "action": "SCMP_ACT_ERRNO"},
                  {"names": ["write"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}]}
                ]}""");
        assertEquals(new Action(Action.Kind.ERRNO, 97), of(p, "socket", 1), "an unconditional rule decides");
        assertEquals(Action.ALLOW, of(p, "read"), "the first unconditional rule is kept");
        assertEquals(Action.ALLOW, of(p, "write", 1), "a rule with the default action is dropped");
        assertEquals(EPERM, of(p, "write", 2));
    }

    @Test
    void includesAndExcludesOnCapabilitiesArchitecturesAndKernels() throws Exception {
        String json = """
                {"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
                  {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
                  {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38, "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
                  {"names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64", "x32"]}},
                  {"names": ["set_tls", "getpid"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["arm"]}},
                  {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.8"}},
                  {"names": ["cachestat"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "6.5"}},
                  {"names": ["getppid"], "action": "SCMP_ACT_ALLOW", "excludes": {"minKernel": "6.0"}}
                ]}""";
        Profile root = read(json, new Host(CAP_SYS_ADMIN, 6, 1));
        assertEquals(Action.ALLOW, of(root, "mount"));
        assertEquals(EPERM, of(root, "clone3"));
        assertEquals(Action.ALLOW, of(root, "arch_prctl"));
        assertEquals(EPERM, of(root, "getpid"));
        assertEquals(Action.ALLOW, of(root, "ptrace"));
        assertEquals(EPERM, of(root, "cachestat"), "6.1 < 6.5");
        assertEquals(EPERM, of(root, "getppid"));
        Profile nobody = read(json, new Host(CAP_SYS_PTRACE, 5, 19));
        assertEquals(EPERM, of(nobody, "mount"));
        assertEquals(new Action(Action.Kind.ERRNO, 38), of(nobody, "clone3"));
        assertEquals(Action.ALLOW, of(nobody, "getppid"));
        assertEquals("invalid kernel version '6', expected \"<kernel>.<major>\"",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\","
                        + " \"includes\": {\"minKernel\": \"6\"}}]}").replace("syscalls[0].includes.minKernel: ", ""));
    }

    @Test
    void namesOtherArchitecturesHaveAreSkippedWithANote() throws Exception {
        Profile p = read("""
                {"defaultAction": "SCMP_ACT_ERRNO", "future": 1, "syscalls": [
                  {"names": ["read", "socketcall", "chown32", "frobnicate"], "action": "SCMP_ACT_ALLOW", "later": true}]}""");
        assertEquals(Action.ALLOW, of(p, "read"));
        assertEquals(List.of("seccomp policy '" + tmp.resolve("p.json") + "': skipped names that are no x86_64 system call: "
                + "chown32 frobnicate socketcall",
                "seccomp policy '" + tmp.resolve("p.json") + "': ignored unknown fields: future syscalls[].later"), notes);
    }

    @Test
    void dockersDefaultProfile() throws Exception {
        Profile root = docker(ROOT);
        assertEquals(EPERM, root.defaultAction());
        assertEquals(EPERM, of(root, "add_key"));
        assertEquals(Action.ALLOW, of(root, "read"));
        assertEquals(Action.ALLOW, of(root, "personality", 0xffffffffL));
        assertEquals(Action.ALLOW, of(root, "personality", 0x20008));
        assertEquals(EPERM, of(root, "personality", 0x40000), "setarch -R's ADDR_NO_RANDOMIZE");
        assertEquals(Action.ALLOW, of(root, "socket", 2));
        assertEquals(Action.ALLOW, of(root, "socket", 39));
        assertEquals(EPERM, of(root, "socket", 40), "AF_VSOCK");
        assertEquals(EPERM, of(root, "socket", 38));
        assertEquals(Action.ALLOW, of(root, "clone", 0x10000000), "CAP_SYS_ADMIN: clone unconditionally");
        assertEquals(Action.ALLOW, of(root, "clone3"));
        Profile nobody = docker(NOBODY);
        assertEquals(EPERM, of(nobody, "clone", 0x10000000), "CLONE_NEWUSER without CAP_SYS_ADMIN");
        assertEquals(Action.ALLOW, of(nobody, "clone", 0x01200011));
        assertEquals(new Action(Action.Kind.ERRNO, 38), of(nobody, "clone3"), "ENOSYS, so that glibc falls back to clone");
        assertEquals(Action.ALLOW, of(nobody, "ptrace"), "minKernel 4.8");
        assertEquals(EPERM, of(docker(new Host(0, 4, 4)), "ptrace"));
        assertEquals(EPERM, of(nobody, "mount"));
    }

    @Test
    void refusesWhatItCannotEnforce() {
        assertEquals("syscalls[0].action: seccomp notification listeners (SCMP_ACT_NOTIFY) are not supported",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_NOTIFY\"}]}"));
        assertEquals("listenerPath: seccomp notification listeners (SCMP_ACT_NOTIFY) are not supported",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"listenerPath\": \"/run/agent.sock\"}"));
        assertEquals("architectures: unknown architecture 'SCMP_ARCH_Z80'",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"architectures\": [\"SCMP_ARCH_Z80\"]}"));
        assertEquals("syscalls[0].errnoRet: errno 5000 out of range 0..4095",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 5000}]}"));
        assertEquals("syscalls[0].args[0].index: 6 is not an argument (0..5)",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", "
                        + "\"args\": [{\"index\": 6, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]}]}"));
        assertEquals("syscalls[0].args[0].op: unknown operator 'SCMP_CMP_XOR'",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", "
                        + "\"args\": [{\"index\": 0, \"value\": 1, \"op\": \"SCMP_CMP_XOR\"}]}]}"));
        assertEquals("syscalls[0].args[0].value: -1 is out of range 0..18446744073709551615",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", "
                        + "\"args\": [{\"index\": 0, \"value\": -1, \"op\": \"SCMP_CMP_EQ\"}]}]}"));
        assertEquals("flags: unknown flag 'SECCOMP_FILTER_FLAG_NOPE'",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"flags\": [\"SECCOMP_FILTER_FLAG_NOPE\"]}"));
    }

    @Test
    void malformedProfilesSayWhereAndWhat() {
        assertEquals("no defaultAction", error("{\"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\"}]}"));
        assertEquals("the profile: expected an object, found an array", error("[]"));
        assertEquals("syscalls[0]: no action", error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"]}]}"));
        assertEquals("syscalls[0].names[0]: expected a string, found an integer",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [1], \"action\": \"SCMP_ACT_ALLOW\"}]}"));
        String truncated = error("{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [");
        assertEquals("malformed JSON at line 1, column 50: Unexpected end-of-input: expected close marker for Array", truncated);
        assertEquals(1, truncated.lines().count());
    }

    @Test
    void anEmptyProfileConfinesNothing() throws Exception {
        Profile p = read("{}");
        assertEquals(Action.ALLOW, p.defaultAction());
        assertEquals(Action.ALLOW, of(p, "reboot"));
    }

    @Test
    void missingFileIsNamed() {
        ProfileError e = assertThrows(ProfileError.class,
                () -> ProfileReader.read(tmp.resolve("none.json").toString(), SyscallTable.x86_64(), m -> { }));
        assertEquals("seccomp policy '" + tmp.resolve("none.json") + "': No such file or directory", e.getMessage());
    }
}

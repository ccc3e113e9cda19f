package io.jstrace.seccomp;

import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProfileReaderTest {
    @TempDir
    Path tmp;

    private Profile read(String json) throws IOException, ProfileError {
        Path f = tmp.resolve("p.json");
        Files.writeString(f, json);
        return ProfileReader.read(f.toString(), SyscallTable.x86_64());
    }

    private String error(String json) {
        return assertThrows(ProfileError.class, () -> read(json)).getMessage()
                .replace("seccomp policy '" + tmp.resolve("p.json") + "': ", "");
    }

    @Test
    void readsDockerProfiles() throws Exception {
        Profile p = read("""
                {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
                 "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
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
        assertEquals(List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"), p.architectures());
        assertEquals(Action.ALLOW, p.of("write"));
        assertEquals(new Action(Action.Kind.ERRNO, 13), p.of("openat"));
        assertEquals(new Action(Action.Kind.ERRNO, 1), p.of("ptrace"), "errnoRet defaults to EPERM");
        assertEquals(Action.Kind.KILL_THREAD, p.of("reboot").kind(), "SCMP_ACT_KILL is KILL_THREAD");
        assertEquals(Action.Kind.KILL_PROCESS, p.of("kexec_load").kind());
        assertEquals(Action.Kind.LOG, p.of("uname").kind());
        assertEquals(Action.Kind.TRACE, p.of("getppid").kind());
        assertEquals(Action.Kind.TRAP, p.of("getpid").kind());
        assertEquals(new Action(Action.Kind.ERRNO, 38), p.of("close"));
    }

    @Test
    void refusesWhatItCannotEnforceExactly() {
        assertEquals("unknown system call 'frobnicate'",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\", \"frobnicate\"], \"action\": \"SCMP_ACT_ERRNO\"}]}"));
        assertEquals("syscalls[0].args: argument conditions are not supported",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": 0, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]}]}"));
        assertEquals("syscalls[0].includes.caps: conditions on capabilities, architectures or kernel versions are not supported",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", \"includes\": {\"caps\": [\"CAP_SYS_ADMIN\"]}}]}"));
        assertEquals("syscalls[0].action: unsupported action 'SCMP_ACT_NOTIFY'",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_NOTIFY\"}]}"));
        assertEquals("unsupported field 'listenerPath'",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"listenerPath\": \"/x\"}"));
        assertEquals("system call 'read' is given two different actions",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\"}, {\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\"}]}"));
        assertEquals("unknown architecture 'SCMP_ARCH_Z80'",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"architectures\": [\"SCMP_ARCH_Z80\"]}"));
        assertEquals("syscalls[0].errnoRet: errno 5000 out of range 0..4095",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 5000}]}"));
    }

    @Test
    void malformedProfilesSayWhereAndWhat() {
        assertEquals("no defaultAction", error("{\"syscalls\": []}"));
        assertEquals("the profile: expected an object, found an array", error("[]"));
        assertEquals("syscalls[0]: no action", error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"]}]}"));
        assertEquals("syscalls[0].names[0]: expected a string, found an integer",
                error("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [1], \"action\": \"SCMP_ACT_ALLOW\"}]}"));
        String truncated = error("{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [");
        assertEquals("malformed JSON at line 1, column 50: Unexpected end-of-input: expected close marker for Array", truncated);
        assertEquals(1, truncated.lines().count());
    }

    @Test
    void missingFileIsNamed() {
        ProfileError e = assertThrows(ProfileError.class,
                () -> ProfileReader.read(tmp.resolve("none.json").toString(), SyscallTable.x86_64()));
        assertEquals("seccomp policy '" + tmp.resolve("none.json") + "': No such file or directory", e.getMessage());
    }
}

package io.jstrace.seccomp;

import io.jstrace.model.Event;
import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** --seccomp-profile's output read back: learned argument values, a base's rules, every call of the run. */
class ProfileRecorderTest {
    static final SyscallTable TABLE = SyscallTable.x86_64();
    static final Action EPERM = ProfileReaderTest.EPERM;

    @TempDir
    Path tmp;

    private static Event.SyscallEntry call(String name, long... args) {
        return new Event.SyscallEntry(1, 1, 0, TABLE.byName(name).number(), name, List.of(), Event.Rest.NONE, Event.NO_IP,
                java.util.Arrays.copyOf(args, 6));
    }

    private Profile record(boolean learnArgs, Profile base, Event... events) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProfileRecorder r = new ProfileRecorder(out, TABLE, m -> { }, learnArgs, base);
        for (Event e : events) {
            r.accept(e);
        }
        r.close();
        Path f = tmp.resolve("out.json");
        Files.write(f, out.toByteArray());
        return ProfileReader.read("seccomp policy", f.toString(), TABLE, ProfileReaderTest.ROOT, m -> { });
    }

    @Test
    void learnsFirstArgumentsOnlyWhenAsked() throws Exception {
        Event[] run = {call("read"), call("socket", 2, 1), call("socket", 10, 2), call("personality", 0xffffffffL)};
        Profile plain = record(false, null, run);
        assertEquals(Action.ALLOW, ProfileReaderTest.of(plain, "socket", 16));
        Profile learned = record(true, null, run);
        assertEquals(Action.ALLOW, ProfileReaderTest.of(learned, "read"));
        assertEquals(Action.ALLOW, ProfileReaderTest.of(learned, "socket", 2));
        assertEquals(Action.ALLOW, ProfileReaderTest.of(learned, "socket", 10));
        assertEquals(EPERM, ProfileReaderTest.of(learned, "socket", 16), "AF_NETLINK was never used");
        assertEquals(Action.ALLOW, ProfileReaderTest.of(learned, "personality", 0xffffffffL));
        assertEquals(EPERM, ProfileReaderTest.of(learned, "personality", 0x40000));
        assertEquals(EPERM, ProfileReaderTest.of(learned, "write"));
    }

    @Test
    void addsTheBaseRules() throws Exception {
        Profile base = new Profile(EPERM, List.of(), java.util.Map.of(
                "epoll_ctl", List.of(Rule.always(Action.ALLOW)),
                "socket", List.of(Rule.always(Action.ALLOW)),
                "clone", List.of(new Rule(Action.ALLOW, List.of(new Condition(0, Condition.Op.MASKED_EQ, 0x7e020000, 0))))));
        Profile p = record(true, base, call("read"), call("socket", 2));
        assertEquals(Action.ALLOW, ProfileReaderTest.of(p, "epoll_ctl"));
        assertEquals(Action.ALLOW, ProfileReaderTest.of(p, "socket", 16), "the base's unconditional rule wins");
        assertEquals(Action.ALLOW, ProfileReaderTest.of(p, "clone", 0x11));
        assertEquals(EPERM, ProfileReaderTest.of(p, "clone", 0x10000000), "the base's conditions are kept");
        assertEquals(Action.ALLOW, ProfileReaderTest.of(p, "read"));
    }
}

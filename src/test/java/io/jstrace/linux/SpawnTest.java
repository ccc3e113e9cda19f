package io.jstrace.linux;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SpawnTest {
    /**
     * A launcher the tracer never resumed dies with the thread that started it (PR_SET_PDEATHSIG is
     * tied to that thread, which is the tracer's): nothing of jstrace may be left stopped when
     * the tracer is gone.
     */
    @Test
    void aStoppedLauncherDiesWithTheThreadThatStartedIt() throws Exception {
        int[] pid = new int[1];
        Thread starter = Thread.ofPlatform().start(() -> {
            try {
                pid[0] = Spawn.stoppedBeforeExec("/bin/true", List.of("true"),
                        new Spawn.Inheritance(Set.of(0, 1, 2), 0, 0, null));
            } catch (Errno e) {
                throw new AssertionError(e);
            }
        });
        starter.join();
        assertTrue(pid[0] > 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(JAVA_INT);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (Sys.waitpid(pid[0], status, Sys.WNOHANG | Sys.WALL) == pid[0]) {
                    int s = Sys.status(status);
                    assertTrue(WaitStatus.signaled(s), "ended otherwise: " + Integer.toHexString(s));
                    assertEquals(9, WaitStatus.termSignal(s));
                    return;
                }
                Thread.sleep(10);
            }
            Sys.kill(pid[0], 9);
            Sys.waitpid(pid[0], status, Sys.WALL);
            fail("the launcher outlived its thread, stopped");
        }
    }
}

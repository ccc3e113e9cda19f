package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A user as the password and group databases know it (NSS: glibc's getpwnam and getgrouplist,
 * what strace's -u asks through initgroups): the ids and groups a command run as this user gets.
 */
public record User(String name, int uid, int gid, int[] groups) {
    /** struct passwd: pw_name, pw_passwd (pointers), then pw_uid and pw_gid. */
    private static final long PW_UID = 16, PW_GID = 20;
    private static final int MAX_GROUPS = 65536;

    /** The user called {@code name}, or null if the databases know no such user. */
    public static User named(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cname = arena.allocateFrom(name);
            MemorySegment st = Libc.errnoState();
            long pw = Libc.call(Libc.GETPWNAM, st, cname.address(), 0, 0, 0);
            if (pw == 0) {
                return null;
            }
            MemorySegment entry = MemorySegment.ofAddress(pw).reinterpret(PW_GID + 4);
            int uid = entry.get(JAVA_INT, PW_UID), gid = entry.get(JAVA_INT, PW_GID);
            MemorySegment count = arena.allocate(JAVA_INT);
            count.set(JAVA_INT, 0, 64);
            MemorySegment list = arena.allocate(JAVA_INT, 64);
            if ((int) Libc.call(Libc.GETGROUPLIST, st, cname.address(), gid, list.address(), count.address()) < 0) {
                int n = Math.min(count.get(JAVA_INT, 0), MAX_GROUPS); // too many for 64: now we know how many
                list = arena.allocate(JAVA_INT, n);
                count.set(JAVA_INT, 0, n);
                Libc.call(Libc.GETGROUPLIST, st, cname.address(), gid, list.address(), count.address());
            }
            return new User(name, uid, gid, list.asSlice(0, 4L * count.get(JAVA_INT, 0)).toArray(JAVA_INT));
        }
    }
}

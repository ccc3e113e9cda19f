package io.jstrace.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The x86_64 machine code that starts a tracee. posix_spawn runs it with argv
 * {@code [name, path, argv0, argv1, ...]}; it asks for SIGKILL when the thread that spawned it
 * dies (PR_SET_PDEATHSIG) and exits if that thread's process is gone already, so a stub the
 * tracer never resumed cannot outlive a tracer killed by SIGKILL (with no parent patched in, as
 * when jstrace -D replaces itself by the stub, it skips this); it sets SIG_IGN for the signals of
 * the mask patched into it (the dispositions jstrace inherited, which the JVM may have replaced
 * with handlers); for -u it takes the user's groups and ids, as strace does before its stop;
 * stops itself with SIGSTOP so the tracer can seize it, clears the death signal again (a command
 * outlives its tracer, as under strace, and must not see one set), installs the seccomp filter
 * appended to it if there is one, then {@code execve(path, &argv[2], envp)} with the
 * environment untouched. If execve fails it exits with status 1, as strace's child does (the
 * tracer reports the errno, {@code exec: REASON}); if taking the user's ids or installing a
 * filter marked required fails, it exits with the errno; an optional filter that cannot be
 * installed is left out.
 *
 * <p>The filter is installed after the stop, so the tracer (with PTRACE_O_TRACESECCOMP) is there
 * for the first RET_TRACE, the command's own execve. {@code seccomp(2)} needs CAP_SYS_ADMIN or
 * no_new_privs; the stub asks without no_new_privs first and sets it only when refused
 * (EACCES), because no_new_privs changes what the command may do (set-user-ID programs no
 * longer gain privileges) and strace sets it unconditionally. Source (GNU as):
 * <pre>
 *     cmpl $0, parent(%rip); je 0f                        # no parent to die with (-D: jstrace itself)
 *     mov $1, %edi; mov $9, %esi; xor %edx, %edx; xor %r10d, %r10d; xor %r8d, %r8d
 *     mov $157, %eax; syscall                             # prctl(PR_SET_PDEATHSIG, SIGKILL)
 *     mov $110, %eax; syscall                             # getppid
 *     cmp parent(%rip), %eax; jne 6f                      # the tracer died before the prctl
 * 0:  movabs $MASK, %rbx; xor %r12d, %r12d
 * 1:  bt %r12, %rbx; jnc 2f
 *     lea 1(%r12), %edi; lea act(%rip), %rsi; xor %edx, %edx; mov $8, %r10d
 *     mov $13, %eax; syscall                              # rt_sigaction(sig, &act, NULL, 8)
 * 2:  inc %r12d; cmp $64, %r12d; jne 1b
 *     cmpb $0, user(%rip); je 7f                          # -u: the user's groups and ids
 *     mov ngroups(%rip), %edi; mov groups(%rip), %rsi
 *     mov $116, %eax; syscall                             # setgroups(n, list)
 *     test %eax, %eax; jnz 5f
 *     mov ids+8(%rip), %edi; mov ids+12(%rip), %esi
 *     mov $114, %eax; syscall                             # setregid(rgid, egid)
 *     test %eax, %eax; jnz 5f
 *     mov ids(%rip), %edi; mov ids+4(%rip), %esi
 *     mov $113, %eax; syscall                             # setreuid(ruid, euid)
 *     test %eax, %eax; jnz 5f
 * 7:  mov $39, %eax; syscall; mov %eax, %edi              # getpid
 *     mov $19, %esi; mov $62, %eax; syscall               # kill(pid, SIGSTOP)
 *     mov $1, %edi; xor %esi, %esi; xor %edx, %edx; xor %r10d, %r10d; xor %r8d, %r8d
 *     mov $157, %eax; syscall                             # prctl(PR_SET_PDEATHSIG, 0)
 *     cmpw $0, prog(%rip); je 4f                          # no filter
 *     call install; cmp $-13, %eax; jne 3f                # refused with EACCES:
 *     mov $38, %edi; mov $1, %esi; xor %edx, %edx; xor %r10d, %r10d; xor %r8d, %r8d
 *     mov $157, %eax; syscall                             #   prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
 *     call install                                        #   and again
 * 3:  test %eax, %eax; jz 4f
 *     cmpb $0, required(%rip); jne 5f                     # no filter: exit if it was required
 * 4:  mov 16(%rsp), %rdi; lea 24(%rsp), %rsi              # argv[1], &argv[2]
 *     mov (%rsp), %rcx; lea 16(%rsp,%rcx,8), %rdx         # envp
 *     mov $59, %eax; syscall                              # execve
 *     mov $1, %edi; jmp 6f                                # failed: exit_group(1)
 * 5:  mov %eax, %edi; neg %edi
 * 6:  mov $231, %eax; syscall                             # exit_group(errno)
 * install: mov $1, %edi; xor %esi, %esi; lea prog(%rip), %rdx
 *     mov $317, %eax; syscall; ret                        # seccomp(SECCOMP_SET_MODE_FILTER, 0, &prog)
 *     .balign 8
 * act: .quad 1, 0, 0, 0                                   # SIG_IGN, no flags
 * prog: .short LEN; .balign 8; .quad FILTER               # struct sock_fprog
 * required: .byte REQUIRED; .balign 4
 * parent: .long PARENT                                    # the tracer's pid, or 0
 * user: .byte USER; .balign 4
 * ngroups: .long NGROUPS
 * groups: .quad GROUPS                                    # gid_t[ngroups]
 * ids: .long RUID, EUID, RGID, EGID
 * </pre>
 * File layout: ELF header (64 bytes), one program header (56), the code above (464 bytes: the
 * mask at 55, {@code act} at 376, {@code prog} at 408: the instruction count at 408 and the
 * filter's address at 416, 0 and 0 when there is no filter; {@code required} at 424,
 * {@code parent} at 428, {@code user} at 432, {@code ngroups} at 436, {@code groups} at 440,
 * {@code ids} at 448), then the filter's instructions, 8 bytes each (struct sock_filter), then
 * the groups, 4 bytes each. One PT_LOAD maps the whole file read+execute at 0x400000, so the
 * address patched into {@code prog} is 0x400000 + 584.
 */
final class LaunchStub {
    private LaunchStub() {}

    /** The real and effective ids and the groups the launcher takes (-u). */
    record Credentials(int ruid, int euid, int rgid, int egid, int[] groups) {}

    private static final String CODE =
            "833da501000000742cbf01000000be0900000031d24531d24531c0b89d0000000f05b86e0000"
            + "000f053b057d0100000f852101000048bb88776655443322114531e44c0fa3e3731b418d7c24"
            + "01488d352401000031d241ba08000000b80d0000000f0541ffc44183fc4075d6803d3d010000"
            + "0074528b3d39010000488b3536010000b8740000000f0585c00f85c10000008b3d310100008b"
            + "352f010000b8720000000f0585c00f85a60000008b3d0e0100008b350c010000b8710000000f"
            + "0585c00f858b000000b8270000000f0589c7be13000000b83e0000000f05bf0100000031f631"
            + "d24531d24531c0b89d0000000f0566833d9e000000007435e85c00000083f8f3751ebf260000"
            + "00be0100000031d24531d24531c0b89d0000000f05e83900000085c07409803d790000000075"
            + "21488b7c2410488d742418488b0c24488d54cc10b83b0000000f05bf01000000eb0489c7f7df"
            + "b8e70000000f05bf0100000031f6488d152d000000b83d0100000f05c30f1f44000001000000"
            + "000000000000000000000000000000000000000000000000000000000000660f1f4400000000"
            + "000000000000000f1f0000000000000f1f000000000000000000000000000000000000000000"
            + "0000000000000000";
    private static final int MASK_OFFSET = 55, PROG_LEN_OFFSET = 408, PROG_FILTER_OFFSET = 416, REQUIRED_OFFSET = 424,
            PARENT_OFFSET = 428, USER_OFFSET = 432, NGROUPS_OFFSET = 436, GROUPS_OFFSET = 440, IDS_OFFSET = 448;
    private static final long BASE = 0x400000;
    private static final int EHDR = 64, PHDR = 56;

    /**
     * A static ELF executable of the stub, started by process {@code parent} (0: none to die
     * with), ignoring the signals in {@code ignoreMask} (bit n-1 = signal n), taking the user's
     * {@code credentials} (null: keep jstrace's) and installing {@code filter} (struct
     * sock_filter instructions; none if empty), without which it execs the command only if not
     * {@code required}.
     */
    static byte[] elf(int parent, long ignoreMask, Credentials credentials, byte[] filter, boolean required) {
        byte[] code = HexFormat.of().parseHex(CODE);
        int[] groups = credentials == null ? new int[0] : credentials.groups();
        long end = BASE + EHDR + PHDR + code.length;
        ByteBuffer c = ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN).putLong(MASK_OFFSET, ignoreMask);
        c.putInt(PARENT_OFFSET, parent);
        if (filter.length > 0) {
            c.putShort(PROG_LEN_OFFSET, (short) (filter.length / Bpf.INSN_SIZE));
            c.putLong(PROG_FILTER_OFFSET, end);
            c.put(REQUIRED_OFFSET, (byte) (required ? 1 : 0));
        }
        if (credentials != null) {
            c.put(USER_OFFSET, (byte) 1).putInt(NGROUPS_OFFSET, groups.length).putLong(GROUPS_OFFSET, end + filter.length);
            c.putInt(IDS_OFFSET, credentials.ruid()).putInt(IDS_OFFSET + 4, credentials.euid())
                    .putInt(IDS_OFFSET + 8, credentials.rgid()).putInt(IDS_OFFSET + 12, credentials.egid());
        }
        ByteBuffer b = ByteBuffer.allocate(EHDR + PHDR + code.length + filter.length + 4 * groups.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2).putShort((short) 0x3e).putInt(1);       // ET_EXEC, EM_X86_64, EV_CURRENT
        b.putLong(BASE + EHDR + PHDR).putLong(EHDR).putLong(0);        // entry, phoff, shoff
        b.putInt(0).putShort((short) EHDR).putShort((short) PHDR).putShort((short) 1);
        b.putShort((short) 0).putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(5).putLong(0).putLong(BASE).putLong(BASE);  // PT_LOAD, R+X, whole file
        b.putLong(b.capacity()).putLong(b.capacity()).putLong(0x1000);
        b.put(code).put(filter);
        for (int g : groups) {
            b.putInt(g);
        }
        return b.array();
    }
}

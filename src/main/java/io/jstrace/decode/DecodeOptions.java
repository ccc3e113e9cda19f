package io.jstrace.decode;

/**
 * What the user asked decoders for: string size (-s), verbosity (-v: {@code verbose} means not
 * abbreviated), what is shown behind fds ({@code fdDetail}, the FD_* bits of strace's -e decode-fds=
 * set: -y is FD_PATH, -yy FD_ALL), -X style (raw, abbrev, verbose), whether structures are
 * dereferenced ({@code structs}, strace's -e verbose=; without it they print as addresses), and
 * what a pid comes with: its process's name ({@code pidComm}, -Y) and its id in the tracer's PID
 * namespace ({@code pidNs}, --pidns-translation); whether KVM_RUN shows why the vCPU returned
 * ({@code kvmVcpu}, -e kvm=vcpu).
 */
public record DecodeOptions(int stringLimit, boolean verbose, int fdDetail, Xstyle xstyle, boolean structs,
                            boolean pidComm, boolean pidNs, boolean kvmVcpu) {
    public enum Xstyle { ABBREV, RAW, VERBOSE }

    /** decode-fds=path, socket, dev, pidfd: each a bit, in the order of strace's tokens. */
    public static final int FD_PATH = 1, FD_SOCKET = 2, FD_DEV = 4, FD_PIDFD = 8, FD_ALL = 15;

    public static final DecodeOptions DEFAULT = new DecodeOptions(32, false, 0, Xstyle.ABBREV, true);

    /** Pids as numbers alone. */
    public DecodeOptions(int stringLimit, boolean verbose, int fdDetail, Xstyle xstyle, boolean structs) {
        this(stringLimit, verbose, fdDetail, xstyle, structs, false, false, false);
    }

    /** These options with {@code verbose} and {@code structs} for one call (-e abbrev=, -e verbose=). */
    public DecodeOptions forCall(boolean verbose, boolean structs) {
        return new DecodeOptions(stringLimit, verbose, fdDetail, xstyle, structs, pidComm, pidNs, kvmVcpu);
    }
}

package io.jstrace.bpf;

/**
 * Byte layouts shared by the BPF programs (which write them) and the record reader: the per-thread
 * state the programs keep in the {@code tasks} map, the records they send through the ring, and
 * the capture plans Java writes into the {@code plans} map. All little-endian.
 */
final class Layout {
    private Layout() {}

    // Per-thread state (value of the tasks map, key: tid).
    /** u32: {@link #HIDDEN} until the started command's first execve. */
    static final int TASK_FLAGS = 0;
    /** u32: 1 between a traced call's entry and its exit. */
    static final int TASK_PENDING = 4;
    /** u32: plan slots whose read faulted at entry, to read again at exit. */
    static final int TASK_RETRY = 8;
    /** u32: this thread's records the ring had no room for since its last record. */
    static final int TASK_LOST = 12;
    /** The record under construction starts here. */
    static final int TASK_RECORD = 16;
    static final int HIDDEN = 1;

    // A record: header, then regions of captured memory.
    static final int TYPE = 0, TID = 4, TGID = 8, NR = 12, TIME = 16, ENTRY_TIME = 24, ARGS = 32, RET = 80,
            LOST = 88, REGIONS_LENGTH = 92, IP = 96, HEADER = 104;
    /** Record types. CALL: a call's exit, with everything; ENTRY: a call that may not return soon, at entry. */
    static final int CALL = 1, ENTRY = 2, FORK = 3, EXIT = 4, SIGNAL = 5;
    /** A SIGNAL record's RET: taken now (signal_deliver), or signal_generate's result (0 queued, 1 ignored). */
    static final int SIGNAL_TAKEN = -1, SIGNAL_QUEUED = 0, SIGNAL_IGNORED = 1;

    // A region: u64 address, u32 length, u8 how (a CAPTURE_* kind), u8 phase, u8 slot, u8 0; data padded to 8.
    static final int REGION_HEADER = 16;
    /** Regions start before this offset in the region area; a region holds at most MAX_REGION bytes. */
    static final int MAX_REGIONS_START = 8192, MAX_REGION = 32768 + 8;
    static final int TASK_SIZE = TASK_RECORD + HEADER + MAX_REGIONS_START + REGION_HEADER + MAX_REGION;

    // A plan (value of the plans map, key: syscall number): u32 flags, u32 0, then SLOTS slots of 8 bytes.
    static final int PLAN_TRACED = 1, PLAN_ENTRY_RECORD = 2;
    static final int SLOTS = 4, SLOT_SIZE = 8, PLAN_SIZE = 8 + SLOTS * SLOT_SIZE;
    /** Slot bytes: argument, how, phases, length source, u16 maximum, length argument, length scale. */
    static final int SLOT_ARG = 0, SLOT_HOW = 1, SLOT_PHASES = 2, SLOT_LENGTH_FROM = 3, SLOT_MAX = 4,
            SLOT_LENGTH_ARG = 6, SLOT_SCALE = 7;
    /**
     * How: a NUL-terminated string, bytes, a NULL-terminated array of string pointers and the
     * strings, an iovec array and its buffers.
     */
    static final int CAPTURE_STRING = 1, CAPTURE_BYTES = 2, CAPTURE_STRINGS = 3, CAPTURE_IOVECS = 4;
    /** Phases, as bits: read at entry, at exit. */
    static final int AT_ENTRY = 1, AT_EXIT = 2;
    /** Length from: the slot's maximum, an argument (times the scale), the return value. */
    static final int LENGTH_FIXED = 0, LENGTH_ARG = 1, LENGTH_RET = 2;
    /** At most this many strings or buffers of an array are read (strace shows -s of them; the default is 32). */
    static final int MAX_STRINGS = 32;
    /** Syscall numbers with plans: 0..MAX_NR-1. */
    static final int MAX_NR = 512;
}

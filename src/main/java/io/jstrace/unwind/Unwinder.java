package io.jstrace.unwind;

import io.jstrace.linux.Regs;
import io.jstrace.linux.RemoteMemory;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.model.StackFrame;

import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a stopped thread's stack (-k) the way strace 6.1 does with libunwind: DWARF CFI from
 * .eh_frame, a frame-pointer guess where a frame has none, symbols from the mapped ELF files,
 * /proc/PID/maps re-read after calls that change the mappings. Used from the tracer thread only.
 */
public final class Unwinder {
    /** strace's limit; one more frame prints "too many stack frames". */
    static final int MAX_FRAMES = 256;
    /** libunwind's bound on how far above the stack pointer a guessed frame pointer may be. */
    private static final long MAX_FRAME_GUESS = 0x4000;

    private final RemoteMemory memory;
    private final ElfFiles elves = new ElfFiles();
    private final Map<Integer, Maps> maps = new HashMap<>();
    private final SyscallTable table = SyscallTable.x86_64();

    public Unwinder(RemoteMemory memory) {
        this.memory = memory;
    }

    /** Whether strace takes the stack of this call at its entry (the call never returns to it). */
    public boolean takenAtEntry(String syscall) {
        return has(syscall, Syscall.Flag.STACK_AT_ENTRY);
    }

    /** Called at every syscall entry, shown or not: calls that change mappings make every maps stale. */
    public void syscallEntered(String syscall) {
        if (has(syscall, Syscall.Flag.MAPS)) {
            maps.clear();
        }
    }

    private boolean has(String syscall, Syscall.Flag flag) {
        Syscall sc = table.byName(syscall);
        return sc != null && sc.has(flag);
    }

    /** The mappings changed behind the syscalls' back (an exec completed). */
    public void mappingsChanged() {
        maps.clear();
    }

    /** The frames of thread {@code tid}, whose registers are {@code regs}; empty if its maps are gone. */
    public List<StackFrame> walk(int tid, Regs regs) {
        Maps m = maps.computeIfAbsent(tid, Maps::read);
        if (m == null) {
            maps.remove(tid);
            return List.of();
        }
        List<StackFrame> frames = new ArrayList<>();
        Walk w = new Walk(Registers.of(regs), new StackReads(memory, tid));
        for (int depth = 0; depth < MAX_FRAMES; depth++) {
            long ip = w.ip();
            Maps.Mapping at = m.find(ip);
            if (at == null || !at.executable()) {
                if (ip != 0) {
                    frames.add(new StackFrame.Error("unexpected_backtracing_error", ip));
                }
                return frames;
            }
            frames.add(frame(at, ip, w.previousInstruction));
            if (!w.step(at)) {
                return frames;
            }
        }
        frames.add(new StackFrame.Error("too many stack frames", 0));
        return frames;
    }

    /**
     * Names the code at {@code ip} as libunwind does: the symbol is looked up at ip - 1 for return
     * addresses; the load offset comes from the segment mapped at exactly the mapping's offset.
     */
    private StackFrame frame(Maps.Mapping at, long ip, boolean previous) {
        long fileOffset = ip - at.start() + at.offset();
        ElfFile elf = elves.of(at);
        if (elf == null) {
            return new StackFrame.Code(at.path(), null, 0, fileOffset);
        }
        ElfFile.Segment seg = elf.loadAtOffset(at.offset());
        long back = previous ? 1 : 0;
        Symbols.Hit hit = elf.symbols().lookup(ip - back - (seg == null ? 0 : loadBias(at, seg)));
        return hit == null
                ? new StackFrame.Code(at.path(), null, 0, fileOffset)
                : new StackFrame.Code(at.path(), hit.name(), hit.offset() + back, fileOffset);
    }

    /** What to subtract from an address in mapping {@code at} to get the ELF's own address. */
    private static long loadBias(Maps.Mapping at, ElfFile.Segment mapped) {
        return at.start() - mapped.vaddr();
    }

    /** One walk's cursor: the current frame's registers, and whether its pc is a return address. */
    private final class Walk {
        private final Memory mem;
        private Registers regs;
        /** libunwind's use_prev_instr: false for the innermost frame and just above a signal frame. */
        boolean previousInstruction;

        Walk(Registers regs, Memory mem) {
            this.regs = regs;
            this.mem = mem;
        }

        long ip() {
            return regs.known(Registers.RIP) ? peek(Registers.RIP) : 0;
        }

        private long peek(int reg) {
            try {
                return regs.get(reg);
            } catch (UnwindException e) {
                return 0;
            }
        }

        /** Moves to the caller's frame; false at the end of the stack or when it cannot go on. */
        boolean step(Maps.Mapping at) {
            long ip = ip();
            long sp = peek(Registers.RSP);
            try {
                // libunwind's rule: CFI only for a mapping that starts exactly at a segment of its file
                ElfFile elf = elves.of(at);
                ElfFile.Segment seg = elf == null ? null : elf.loadAtOffset(at.offset());
                EhFrame eh = seg == null ? null : elf.ehFrame();
                long pc = ip - (previousInstruction ? 1 : 0) - (seg == null ? 0 : loadBias(at, seg));
                EhFrame.Fde fde = eh == null ? null : eh.find(pc);
                Registers next = fde != null ? byCfi(elf, fde, pc) : byFramePointer();
                if (next == null || !next.known(Registers.RIP)) {
                    return false;
                }
                long nextIp = next.get(Registers.RIP);
                if (nextIp == 0 || (nextIp == ip && next.get(Registers.RSP) == sp)) {
                    return false;
                }
                regs = next;
                return true;
            } catch (UnwindException | IndexOutOfBoundsException | BufferUnderflowException e) {
                return false;
            }
        }

        /** The caller's registers by the FDE's rules at file address {@code pc}; null at the end of the stack. */
        private Registers byCfi(ElfFile elf, EhFrame.Fde fde, long pc) throws UnwindException {
            Row row = Cfi.rowAt(elf.bytes(), fde, pc, Registers.COUNT);
            long cfa = row.cfaExpr != null
                    ? DwarfExpr.eval(row.cfaExpr, null, regs, mem)
                    : regs.get(row.cfaRegister) + row.cfaOffset;
            int ra = fde.cie().returnRegister();
            if (ra >= Registers.COUNT || row.rule(ra) instanceof Rule.Undefined
                    || row.rule(Registers.RBP) instanceof Rule.Undefined) {
                return null; // the x86_64 ABI's end of the call chain
            }
            Registers next = new Registers();
            for (int r = 0; r < Registers.COUNT; r++) {
                try {
                    Long v = value(row.rule(r), r, cfa);
                    if (v != null) {
                        next.set(r, v);
                    }
                } catch (UnwindException e) {
                    if (r == ra) {
                        throw e;
                    }
                    // libunwind reads saved registers lazily: one it cannot read is merely unknown
                }
            }
            if (ra != Registers.RIP) {
                next.set(Registers.RIP, next.get(ra));
            }
            next.set(Registers.RSP, cfa);
            previousInstruction = !fde.cie().signalFrame();
            return next;
        }

        private Long value(Rule rule, int reg, long cfa) throws UnwindException {
            return switch (rule) {
                case Rule.Undefined u -> null;
                case Rule.Same s -> regs.known(reg) ? regs.get(reg) : null;
                case Rule.Offset o -> mem.word(cfa + o.offset());
                case Rule.ValOffset o -> cfa + o.offset();
                case Rule.Register o -> regs.get(o.register());
                case Rule.Expression e -> mem.word(DwarfExpr.eval(e.expr(), cfa, regs, mem));
                case Rule.ValExpression e -> DwarfExpr.eval(e.expr(), cfa, regs, mem);
            };
        }

        /**
         * No CFI for this code: libunwind's guess that rbp is a frame pointer, believed only if it
         * lies a little above the stack pointer; the caller's other registers are unknown.
         */
        private Registers byFramePointer() throws UnwindException {
            if (!regs.known(Registers.RBP)) {
                return null;
            }
            long rbp = regs.get(Registers.RBP);
            long sp = regs.get(Registers.RSP);
            if (rbp == 0 || Long.compareUnsigned(rbp, sp) < 0 || rbp - sp > MAX_FRAME_GUESS) {
                return null;
            }
            Registers next = new Registers();
            next.set(Registers.RBP, mem.word(rbp));
            next.set(Registers.RIP, mem.word(rbp + 8));
            next.set(Registers.RSP, rbp + 16);
            previousInstruction = true;
            return next;
        }
    }
}

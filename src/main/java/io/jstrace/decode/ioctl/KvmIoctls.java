package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.returningFd;
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/** KVM requests (type 0xae), as strace's kvm.c and its x86_64 arch_kvm.c print them. */
final class KvmIoctls {
    private KvmIoctls() {}

    private static final Layout REGION = Layout.of("kvm_userspace_memory_region"), REGS = Layout.of("kvm_regs"),
            SREGS = Layout.of("kvm_sregs"), SEGMENT = Layout.of("kvm_segment"), DTABLE = Layout.of("kvm_dtable"),
            CPUID = Layout.of("kvm_cpuid2"), ENTRY = Layout.of("kvm_cpuid_entry2");
    private static final Layout.Field SLOT = REGION.field("slot"), REGION_FLAGS = REGION.field("flags"),
            GUEST = REGION.field("guest_phys_addr"), SIZE = REGION.field("memory_size"),
            USERSPACE = REGION.field("userspace_addr");
    /** The registers -v adds, by their place between the ones always shown. */
    private static final List<String> REGS_SHOWN = List.of("rax", "rsp", "rbp", "rip", "rflags"),
            REGS_ALL = List.of("rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rsp", "rbp", "r8", "r9", "r10", "r11", "r12",
                    "r13", "r14", "r15", "rip", "rflags");
    private static final List<String> SEGMENTS = List.of("cs", "ds", "es", "fs", "gs", "ss", "tr", "ldt"),
            TABLES = List.of("gdt", "idt"), CONTROL = List.of("cr0", "cr2", "cr3", "cr4", "cr8", "efer");
    private static final List<String> SEGMENT_NUMBERS = List.of("limit", "selector", "type", "present", "dpl", "db", "s",
            "l", "g", "avl");
    private static final Layout.Field NENT = CPUID.field("nent");
    private static final List<String> ENTRY_WORDS = List.of("eax", "ebx", "ecx", "edx");

    private static Value region(Bytes b) {
        return Decode.struct(field("slot", Value.Num.udec(b.u(SLOT))),
                field("flags", Decode.flags("kvm_mem_flags", b.u(REGION_FLAGS), "KVM_MEM_???")),
                field("guest_phys_addr", Value.Num.hex(b.u(GUEST))), field("memory_size", Value.Num.udec(b.u(SIZE))),
                field("userspace_addr", Value.Num.hex(b.u(USERSPACE))));
    }

    /** The general registers; without -v rbx..rdi and r8..r15 are left out, each run as one {@code ...}. */
    private static Value regs(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        boolean all = c.options.verbose();
        for (String name : REGS_ALL) {
            if (all || REGS_SHOWN.contains(name)) {
                f.add(field(name, Value.Num.hex(b.u(REGS.field(name)))));
            } else if (name.equals("rbx") || name.equals("r8")) {
                f.add(new Value.Field(null, new Value.Elided()));
            }
        }
        return new Value.Struct(f, false);
    }

    private static Value segment(Bytes s) {
        List<Value.Field> f = new ArrayList<>(List.of(field("base", Value.Num.hex(s.u(SEGMENT.field("base"))))));
        for (String name : SEGMENT_NUMBERS) {
            f.add(field(name, Value.Num.udec(s.u(SEGMENT.field(name)))));
        }
        return new Value.Struct(f, false);
    }

    /** The special registers; without -v only cs. */
    private static Value sregs(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        for (String name : SEGMENTS) {
            f.add(field(name, segment(b.slice(SREGS.field(name)))));
            if (!c.options.verbose()) {
                return new Value.Struct(f, true);
            }
        }
        for (String name : TABLES) {
            Bytes t = b.slice(SREGS.field(name));
            f.add(field(name, Decode.struct(field("base", Value.Num.hex(t.u(DTABLE.field("base")))),
                    field("limit", Value.Num.udec(t.u(DTABLE.field("limit")))))));
        }
        for (String name : CONTROL) {
            f.add(field(name, Value.Num.udec(b.u(SREGS.field(name)))));
        }
        f.add(field("apic_base", Value.Num.hex(b.u(SREGS.field("apic_base")))));
        f.add(field("interrupt_bitmap", StructFields.xints(c, b, SREGS.field("interrupt_bitmap"), 8, -1)));
        return new Value.Struct(f, false);
    }

    private static Value entry(Bytes e) {
        List<Value.Field> f = new ArrayList<>(List.of(field("function", Value.Num.hex(e.u(ENTRY.field("function")))),
                field("index", Value.Num.hex(e.u(ENTRY.field("index")))),
                field("flags", Decode.flags("kvm_cpuid_flags", e.u(ENTRY.field("flags")), "KVM_CPUID_FLAG_???"))));
        for (String name : ENTRY_WORDS) {
            f.add(field(name, Value.Num.hex(e.u(ENTRY.field(name)))));
        }
        return new Value.Struct(f, false);
    }

    /** A CPUID table: its entry count, and the entries under -v ({@code [...]} without). */
    private static Value.Field entries(Call c, long addr, long nent) {
        if (!c.options.verbose()) {
            return field("entries", new Value.Arr(List.of(), nent != 0));
        }
        return field("entries", IoArrays.array(c, addr + CPUID.size(), nent, ENTRY.size(), KvmIoctls::entry));
    }

    private static IoctlArg.Reader cpuid() {
        return (c, addr) -> {
            Bytes b = Decode.struct(c, addr, CPUID.size());
            return b == null ? Decode.ptr(addr)
                    : Decode.struct(field("nent", Value.Num.udec(b.u(NENT))), entries(c, addr, b.u(NENT)));
        };
    }

    private static final Layout.Field EXIT_REASON = Layout.of("kvm_run").field("exit_reason");

    /**
     * KVM_RUN: under -e kvm=vcpu, why the vCPU returned, read from its run area where the tracee
     * mapped the vCPU's fd ({@code = 0 (KVM_EXIT_HLT)}).
     */
    private static final IoctlArg RUN = new IoctlArg() {
        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            return Value.Num.hex(arg);
        }

        @Override
        public Value returned(Call c, long arg) {
            long at = c.options.kvmVcpu() ? c.fdPaths.mapping(c.tid, (int) c.arg(0)) : -1;
            byte[] b = at < 0 ? null : c.memory.readFully(c.tid, at + EXIT_REASON.offset(), EXIT_REASON.size());
            if (b == null) {
                return null;
            }
            String name = Xlat.of("kvm_exit_reason").name(new Bytes(b).u32(0));
            return new Value.Note(name == null ? "KVM_EXIT_???" : name);
        }
    };

    private static final RequestMap MAP = new RequestMap()
            .put(RUN, "KVM_RUN")
            .put(returningFd(in((c, arg) -> Value.Num.udec(arg & 0xffffffffL))), "KVM_CREATE_VCPU")
            .put(returningFd(IoctlArg.HEX), "KVM_CREATE_VM")
            .put(in(IoctlArg.struct(REGION, KvmIoctls::region)), "KVM_SET_USER_MEMORY_REGION")
            .put(in(structWith(REGS, KvmIoctls::regs)), "KVM_SET_REGS")
            .put(out(structWith(REGS, KvmIoctls::regs)), "KVM_GET_REGS")
            .put(in(structWith(SREGS, KvmIoctls::sregs)), "KVM_SET_SREGS")
            .put(out(structWith(SREGS, KvmIoctls::sregs)), "KVM_GET_SREGS")
            .put(in(cpuid()), "KVM_SET_CPUID2")
            .put(out(cpuid()), "KVM_GET_SUPPORTED_CPUID", "KVM_GET_EMULATED_CPUID")
            .put(in((c, arg) -> Decode.sym("kvm_cap", arg, Value.Radix.HEX, "KVM_CAP_???")), "KVM_CHECK_EXTENSION");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

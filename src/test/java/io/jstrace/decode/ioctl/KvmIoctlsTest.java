package io.jstrace.decode.ioctl;

import io.jstrace.decode.Call;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FakeMemory;
import io.jstrace.decode.FdPaths;
import io.jstrace.model.Value;
import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KvmIoctlsTest {
    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void vmSetup() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY", m.call(code("KVM_CHECK_EXTENSION"), 3, 1));
        assertEquals("KVM_CHECK_EXTENSION, 0xbeef /* KVM_CAP_??? */", m.call(code("KVM_CHECK_EXTENSION"), 0xbeef, 0));
        assertEquals("KVM_CREATE_VCPU, 0", m.call(code("KVM_CREATE_VCPU"), 0, 5));
        assertTrue(Ioctls.decoder(code("KVM_CREATE_VM")).returnsFd());
        long region = m.put(IoctlCalls.le(32).putInt(0, 1).putInt(4, 3).putLong(8, 0x1000).putLong(16, 4096)
                .putLong(24, 0x7f0000).array());
        assertEquals("KVM_SET_USER_MEMORY_REGION, {slot=1, flags=KVM_MEM_LOG_DIRTY_PAGES|KVM_MEM_READONLY, "
                + "guest_phys_addr=0x1000, memory_size=4096, userspace_addr=0x7f0000}",
                m.call(code("KVM_SET_USER_MEMORY_REGION"), region, 0));
    }

    @Test
    void registers() {
        ByteBuffer r = IoctlCalls.le(144).putLong(0, 2).putLong(8, 3).putLong(128, 0x1000).putLong(136, 2);
        IoctlCalls m = new IoctlCalls();
        assertEquals("KVM_SET_REGS, {rax=0x2, ..., rsp=0, rbp=0, ..., rip=0x1000, rflags=0x2}",
                m.call(code("KVM_SET_REGS"), m.put(r.array()), 0));
        IoctlCalls v = new IoctlCalls().verbose();
        assertEquals("KVM_GET_REGS, {rax=0x2, rbx=0x3, rcx=0, rdx=0, rsi=0, rdi=0, rsp=0, rbp=0, r8=0, r9=0, r10=0, "
                + "r11=0, r12=0, r13=0, r14=0, r15=0, rip=0x1000, rflags=0x2}", v.call(code("KVM_GET_REGS"), v.put(r.array()), 0));
        ByteBuffer s = IoctlCalls.le(312).putLong(0, 0xffff0000L).putInt(8, 65535).putShort(12, (short) 61440)
                .put(14, (byte) 11).put(15, (byte) 1).putLong(272, 0xfee00900L);
        assertEquals("KVM_GET_SREGS, {cs={base=0xffff0000, limit=65535, selector=61440, type=11, present=1, dpl=0, db=0, "
                + "s=0, l=0, g=0, avl=0}, ...}", m.call(code("KVM_GET_SREGS"), m.put(s.array()), 0));
        String all = v.call(code("KVM_SET_SREGS"), v.put(s.array()), 0);
        assertTrue(all.endsWith("gdt={base=0, limit=0}, idt={base=0, limit=0}, cr0=0, cr2=0, cr3=0, cr4=0, cr8=0, efer=0, "
                + "apic_base=0xfee00900, interrupt_bitmap=[0, 0, 0, 0]}"), all);
    }

    @Test
    void cpuid() {
        ByteBuffer t = IoctlCalls.le(8 + 40).putInt(0, 1).putInt(8, 0x40000000).putInt(16, 1).putInt(20, 0x1c);
        IoctlCalls m = new IoctlCalls();
        assertEquals("KVM_SET_CPUID2, {nent=1, entries=[...]}", m.call(code("KVM_SET_CPUID2"), m.put(t.array()), 0));
        IoctlCalls v = new IoctlCalls().verbose();
        assertEquals("KVM_GET_SUPPORTED_CPUID, {nent=1, entries=[{function=0x40000000, index=0, "
                + "flags=KVM_CPUID_FLAG_SIGNIFCANT_INDEX, eax=0x1c, ebx=0, ecx=0, edx=0}]}",
                v.call(code("KVM_GET_SUPPORTED_CPUID"), v.put(t.array()), 0));
        assertEquals("KVM_SET_CPUID2, {nent=0, entries=[]}", m.call(code("KVM_SET_CPUID2"), m.put(new byte[8]), 0));
    }

    /** KVM_RUN under -e kvm=vcpu: the exit reason from the run area mapped from the vCPU's fd 5. */
    @Test
    void runExitReason() {
        FakeMemory memory = new FakeMemory();
        long area = memory.place(IoctlCalls.le(16).putInt(8, 5).array());
        FdPaths vcpu = new FdPaths() {
            @Override
            public Parts describe(int tid, int fd) {
                return null;
            }

            @Override
            public long mapping(int tid, int fd) {
                return fd == 5 ? area : -1;
            }
        };
        DecodeOptions d = DecodeOptions.DEFAULT;
        for (boolean kvm : new boolean[] {true, false}) {
            DecodeOptions o = new DecodeOptions(d.stringLimit(), d.verbose(), d.fdDetail(), d.xstyle(), d.structs(),
                    false, false, kvm);
            Call c = new Call(1, 16, new long[] {5, code("KVM_RUN"), 0, 0, 0, 0}, memory, o, vcpu);
            Ioctls.request(c, 1);
            c.exit(0, false);
            assertEquals(kvm ? List.of(new Value.Note("KVM_EXIT_HLT")) : List.of(), Ioctls.RETURN.details(c));
        }
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

/** Kinds for the io family: vectored reads and writes, poll, select, epoll, eventfd. */
final class IoKinds implements KindFamily {
    private static final int EPOLL_CTL_DEL = 2;

    @Override
    public void register(Kinds k) {
        // iovec array whose count is argument N: written data in full, read data up to the return value.
        k.argWithParam("iov_in", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.withRole(new Role.Data(Role.Shape.IOV, true, n),
                    (c, i) -> IovDecoder.iov(c, c.arg(i), c.arg(n), IovDecoder.Mode.STR, IovDecoder.UNLIMITED));
        });
        k.argWithParam("iov_out", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.withRole(new Role.Data(Role.Shape.IOV, false, n), ArgKind.atExit((c, i) -> IovDecoder.iov(c,
                    c.arg(i), c.arg(n), c.failed() ? IovDecoder.Mode.ADDR : IovDecoder.Mode.STR, c.ret())));
        });
        // preadv2/pwritev2's flags: the sixth argument, after the offset's two halves (strace prints the low one).
        k.arg("rwf_flags", (c, i) -> Decode.flags("rwf_flags", c.arg(5) & 0xffffffffL, "RWF_???"));

        k.arg("pollfds", ArgKind.withRole(new Role.PollFds(), (c, i) -> PollDecoder.fds(c, c.arg(i), c.arg(i + 1) & 0xffffffffL)));
        k.ret("poll", ReturnKind.decimalWithAll(c -> PollDecoder.detail(c, null)));
        k.ret("ppoll", ReturnKind.decimalWithAll(c -> PollDecoder.detail(c, c.arg(2) == 0 ? null : TimeDecoder.timespecAt(c, c.arg(2)))));
        // Signal mask whose size in bytes is argument N.
        k.argWithParam("sigmask_sized", p -> {
            int n = Integer.parseInt(p);
            return (c, i) -> PollSigmask.at(c, c.arg(i), c.arg(n));
        });

        k.arg("fdset", ArgKind.withRole(new Role.FdSet(), (c, i) -> SelectDecoder.set(c, c.arg(i))));
        k.ret("select", ReturnKind.decimalWithAll(c -> SelectDecoder.detail(c, c.arg(4) == 0 ? null : TimeDecoder.timevalAt(c, c.arg(4)))));
        k.ret("pselect6", ReturnKind.decimalWithAll(c -> SelectDecoder.detail(c, c.arg(4) == 0 ? null : TimeDecoder.timespecAt(c, c.arg(4)))));
        // pselect6's sixth argument: {const sigset_t *ss; size_t ss_len}.
        k.arg("pselect6_sigmask", (c, i) -> PollSigmask.kernelSigset(c, c.arg(i)));

        // epoll_ctl's event: EPOLL_CTL_DEL ignores it, and strace prints only its address.
        k.arg("epoll_event", (c, i) -> {
            long addr = c.arg(i);
            Bytes b = c.intArg(1) == EPOLL_CTL_DEL ? null : Decode.struct(c, addr, EpollDecoder.EVENT.size());
            return b == null ? Decode.ptr(addr) : EpollDecoder.event(b);
        });
        // epoll_pwait and epoll_pwait2 print their timeout and mask at exit: the address when the call failed.
        k.arg("epoll_timespec", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i)) : TimeDecoder.timespecAt(c, c.arg(i))));
        k.argWithParam("epoll_sigmask", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i)) : PollSigmask.at(c, c.arg(i), c.arg(n)));
        });
        k.arg("epoll_events_out", ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : EpollDecoder.events(c, c.arg(i), c.ret())));
        k.arg("epoll_ctl_op", (c, i) -> Decode.sym("epollctls", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "EPOLL_CTL_???"));
    }
}

package io.jstrace.bpf;

import io.jstrace.xlat.Xlat;

/** BPF helper function ids by name ({@code probe_read_user} for BPF_FUNC_probe_read_user), from the bpf_helpers table. */
final class Helpers {
    private final Xlat table = Xlat.of("bpf_helpers");

    int id(String name) {
        return (int) table.value("BPF_FUNC_" + name).orElseThrow(() -> new IllegalArgumentException("no helper " + name));
    }
}

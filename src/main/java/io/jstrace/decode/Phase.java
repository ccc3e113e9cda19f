package io.jstrace.decode;

/**
 * When an argument is read: input arguments at entry, output buffers at exit, in/out structs at
 * both. An {@link #ENTRY_AND_EXIT} argument is shown at entry and continues at exit: there its
 * kind returns the entry value unchanged, or {@link io.jstrace.model.Value.Changed} to what changed,
 * which strace prints as a continuation ({@code clone3({...} => {parent_tid=[N]}, 88)}).
 */
public enum Phase { ENTRY, EXIT, ENTRY_AND_EXIT }

package io.jstrace.decode;

/** When an argument is read: input arguments at entry, output buffers at exit. */
public enum Phase { ENTRY, EXIT }

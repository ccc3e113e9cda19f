package io.jstrace.decode;

/** Kinds for the process family of syscalls. */
final class ProcessKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
    }
}

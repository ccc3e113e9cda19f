package io.jstrace.cli;

/** What the command line asks for: -h, -V, or a trace with {@link Options}. */
public sealed interface Invocation permits Invocation.Help, Invocation.Version, Options {
    /** -h: the help text, at once. */
    record Help() implements Invocation {}

    /** -V: the version; more V's add strace's drawing. */
    record Version(int verbosity) implements Invocation {}
}

/**
 * jstrace: a Linux system-call tracer. Its API is {@link io.jstrace.api.JsTrace}, which traces a
 * command or running processes and hands over {@link io.jstrace.model.Event}s and whole
 * {@link io.jstrace.model.SystemCall}s; every other package is the tracer's own. Code using it
 * needs {@code --enable-native-access=io.jstrace} (the tracer calls ptrace and friends through
 * the Foreign Function &amp; Memory API).
 */
module io.jstrace {
    requires com.fasterxml.jackson.core;
    requires jdk.unsupported; // sun.misc.Signal: the command line's SIGINT/SIGTERM handling

    exports io.jstrace.api;
    exports io.jstrace.model;
}

package io.jstrace.output;

import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where text lines go: one stream for all threads, or one file per thread (-ff). A stream
 * written to a terminal is flushed per line; files and pipes are written in large blocks.
 */
public abstract sealed class Outputs implements AutoCloseable {

    /** The stream for thread {@code tid}. */
    abstract Line of(int tid);

    /** Flushes all streams; they stay usable. */
    public abstract void flush();

    @Override
    public abstract void close();

    /** One stream and its line state: which thread's syscall line is still open. */
    static final class Line {
        final GuardedOutput out;
        final boolean lineBuffered;
        int openTid = -1;

        Line(GuardedOutput out, boolean lineBuffered) {
            this.out = out;
            this.lineBuffered = lineBuffered;
        }

        /**
         * Lines are ASCII (decoders escape everything else), so each char is one byte. Two array
         * copies (toString, getBytes) cost less than a charAt call per character.
         */
        void write(CharSequence s) {
            String text = s.toString();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            if (lineBuffered && text.endsWith("\n")) {
                out.flush();
            }
        }

        void flush() {
            out.flush();
        }
    }

    /**
     * One stream for all threads, written through a 64 KiB buffer; a {@code terminal} is flushed
     * at each line's end. A failure to write is reported once to {@code trouble} as
     * {@code NAME: REASON}; output stops there and tracing goes on.
     */
    public static Outputs single(OutputStream out, boolean terminal, String name, Consumer<String> trouble) {
        return new Single(new Line(guarded(out, name, null, trouble), terminal), null);
    }

    /** {@link #single(OutputStream, boolean, String, Consumer)} of a stream that cannot fail: memory, or a PrintStream (it keeps errors to itself). */
    public static Outputs single(OutputStream out, boolean terminal) {
        return single(out, terminal, "output", m -> { });
    }

    private static GuardedOutput guarded(OutputStream out, String name, String reason, Consumer<String> trouble) {
        return new GuardedOutput(new BufferedOutputStream(out, 1 << 16), name, reason, trouble);
    }

    /**
     * Output piped to {@code /bin/sh -c command} (strace's {@code -o '|command'}). A write fails
     * only when the reader is gone, which strace reports as EPIPE ("Broken pipe"); the JDK words it
     * "Stream closed" once it has seen the reader exit.
     */
    public static Outputs pipe(String command, String name, Consumer<String> trouble) {
        try {
            // Not a tracee, so ProcessBuilder is safe here: the tracer never waits for this pid.
            Process p = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Single(new Line(guarded(p.getOutputStream(), name, "Broken pipe", trouble), false), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code path} for writing; failure is strace's one line: {@code Can't fopen 'PATH': REASON}. */
    public static OutputStream open(String path, boolean append) {
        try {
            return new FileOutputStream(path, append);
        } catch (FileNotFoundException e) {
            String m = e.getMessage();
            int p = m == null ? -1 : m.lastIndexOf('(');
            String reason = p < 0 ? "No such file or directory" : m.substring(p + 1, m.length() - 1);
            throw new UncheckedIOException("Can't fopen '" + path + "': " + reason, e);
        }
    }

    /**
     * One file per thread, {@code base.TID} (-ff). A file that cannot be opened or written is
     * reported, the first time only, and that thread's output dropped.
     */
    public static Outputs perThread(String base, Consumer<String> trouble) {
        return new PerThread(base, trouble);
    }

    /** The pid of the -o |CMD reader this writes to, or -1. */
    public long readerPid() {
        return -1;
    }

    static final class Single extends Outputs {
        private final Line line;
        private final Process reader;

        Single(Line line, Process reader) {
            this.line = line;
            this.reader = reader;
        }

        @Override
        Line of(int tid) {
            return line;
        }

        @Override
        public long readerPid() {
            return reader != null ? reader.pid() : -1;
        }

        @Override
        public void flush() {
            line.flush();
        }

        private boolean closed;

        @Override
        public void close() {
            // Idempotent: closing happens both on the normal path and in a finally.
            if (closed) {
                return;
            }
            closed = true;
            line.flush();
            if (reader != null) {
                line.out.close();
                try {
                    reader.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static final class PerThread extends Outputs {
        private final String base;
        private final Consumer<String> trouble;
        private final Map<Integer, Line> files = new HashMap<>();
        private boolean reported;

        PerThread(String base, Consumer<String> trouble) {
            this.base = base;
            this.trouble = trouble;
        }

        @Override
        Line of(int tid) {
            return files.computeIfAbsent(tid, t -> new Line(guarded(file(base + "." + t), base + "." + t, null,
                    this::reportOnce), false));
        }

        /** The file, or where its lines are dropped when it cannot be opened. */
        private OutputStream file(String path) {
            try {
                return open(path, false);
            } catch (UncheckedIOException e) {
                reportOnce(e.getMessage());
                return OutputStream.nullOutputStream();
            }
        }

        /** The first failure among all the files: a full disk would otherwise say so once per thread. */
        private void reportOnce(String message) {
            if (!reported) {
                reported = true;
                trouble.accept(message);
            }
        }

        @Override
        public void flush() {
            files.values().forEach(Line::flush);
        }

        @Override
        public void close() {
            // Idempotent: closing happens both on the normal path and in a finally.
            for (Line l : files.values()) {
                l.out.close();
            }
            files.clear();
        }
    }
}

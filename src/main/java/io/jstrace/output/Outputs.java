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
        final OutputStream out;
        final boolean lineBuffered;
        int openTid = -1;

        Line(OutputStream out, boolean lineBuffered) {
            this.out = out;
            this.lineBuffered = lineBuffered;
        }

        /**
         * Lines are ASCII (decoders escape everything else), so each char is one byte. Two array
         * copies (toString, getBytes) cost less than a charAt call per character.
         */
        void write(CharSequence s) {
            String text = s.toString();
            try {
                out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                if (lineBuffered && text.endsWith("\n")) {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Outputs single(OutputStream out, boolean terminal) {
        return new Single(new Line(new BufferedOutputStream(out, 1 << 16), terminal), null);
    }

    /** Output piped to {@code /bin/sh -c command} (strace's {@code -o '|command'}). */
    public static Outputs pipe(String command) {
        try {
            // Not a tracee, so ProcessBuilder is safe here: the tracer never waits for this pid.
            Process p = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Single(new Line(new BufferedOutputStream(p.getOutputStream(), 1 << 16), false), p);
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

    public static Outputs perThread(String base) {
        return new PerThread(base);
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
                try {
                    line.out.close();
                    reader.waitFor();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static final class PerThread extends Outputs {
        private final String base;
        private final Map<Integer, Line> files = new HashMap<>();

        PerThread(String base) {
            this.base = base;
        }

        @Override
        Line of(int tid) {
            return files.computeIfAbsent(tid,
                    t -> new Line(new BufferedOutputStream(open(base + "." + t, false), 1 << 16), false));
        }

        @Override
        public void flush() {
            files.values().forEach(Line::flush);
        }

        @Override
        public void close() {
            // Idempotent: closing happens both on the normal path and in a finally.
            for (Line l : files.values()) {
                l.flush();
                try {
                    l.out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            files.clear();
        }
    }
}

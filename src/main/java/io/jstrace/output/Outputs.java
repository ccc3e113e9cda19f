package io.jstrace.output;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

        void write(CharSequence s) {
            try {
                for (int i = 0; i < s.length(); i++) {
                    out.write(s.charAt(i));
                }
                if (lineBuffered && s.length() > 0 && s.charAt(s.length() - 1) == '\n') {
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
        return new Single(new Line(new BufferedOutputStream(out, 1 << 16), terminal));
    }

    public static Outputs perThread(String base) {
        return new PerThread(base);
    }

    static final class Single extends Outputs {
        private final Line line;

        Single(Line line) {
            this.line = line;
        }

        @Override
        Line of(int tid) {
            return line;
        }

        @Override
        public void flush() {
            line.flush();
        }

        @Override
        public void close() {
            line.flush();
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
            return files.computeIfAbsent(tid, t -> {
                try {
                    return new Line(new BufferedOutputStream(new FileOutputStream(base + "." + t), 1 << 16), false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
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

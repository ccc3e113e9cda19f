package io.jstrace.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * Where trace output goes when writing it can fail (a full disk, /dev/full, a pipe whose reader
 * has gone): the first failure is reported as strace words it, {@code NAME: REASON}, and what
 * follows is dropped. Trouble with the output is the tracer's own: the traced command must run
 * on and end as it would have without the tracer, so nothing here throws. strace reports every
 * failed write (hundreds of lines for a short trace); one says it.
 */
public final class GuardedOutput extends OutputStream {
    private final OutputStream out;
    private final String name;
    private final String reason;
    private final Consumer<String> report;
    private boolean failed;

    /**
     * @param name   the output as the user named it ({@code -o} argument, file name)
     * @param reason what every failure means whatever the exception says (a pipe's: "Broken pipe"),
     *               or null to take the exception's own message (the C library's strerror text)
     * @param report takes the one line; called at most once
     */
    public GuardedOutput(OutputStream out, String name, String reason, Consumer<String> report) {
        this.out = out;
        this.name = name;
        this.reason = reason;
        this.report = report;
    }

    @Override
    public void write(int b) {
        if (!failed) {
            try {
                out.write(b);
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (!failed) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    @Override
    public void flush() {
        if (!failed) {
            try {
                out.flush();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    /** Flushes and closes; a failure here is reported like any other. */
    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void fail(IOException e) {
        if (failed) {
            return;
        }
        failed = true;
        String why = reason != null ? reason : e.getMessage() != null ? e.getMessage() : "Input/output error";
        report.accept(name + ": " + why);
    }
}

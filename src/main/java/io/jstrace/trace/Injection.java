package io.jstrace.trace;

/**
 * What one {@code -e inject=} (or {@code -e fault=}) expression does to each call of its syscalls.
 *
 * @param when      which invocations, counted per syscall and per thread
 * @param outcome   the result the call returns instead of running, or null to let it run
 * @param substitute the syscall the kernel runs instead ({@code syscall=}, a pure one), or -1 for none
 * @param signal    the signal delivered on entering the call, or 0
 * @param delayEnterNanos how long the thread is held at the call's entry, or 0
 * @param delayExitNanos  how long the thread is held at the call's exit, or 0
 * @param pokes     the bytes written where the call's arguments point, at its entry or exit
 */
public record Injection(When when, Outcome outcome, int substitute, int signal, long delayEnterNanos,
                        long delayExitNanos, java.util.List<Poke> pokes) {

    /** {@code poke_enter=@argN=HEX} ({@code atEntry}) or {@code poke_exit=}: {@code data} written at argument {@code arg} (1-based). */
    public record Poke(boolean atEntry, int arg, byte[] data) {}

    /** strace's {@code when=FIRST[..LAST][+STEP]}: LAST {@link #INFINITE} means no end, STEP 0 only FIRST. */
    public record When(int first, int last, int step) {
        public static final int INFINITE = 0xffff;
        public static final When ALWAYS = new When(1, INFINITE, 1);
    }

    /** The injected result. */
    public sealed interface Outcome {
        /** {@code error=}: the call fails with this errno. */
        record Error(int errno) implements Outcome {}

        /** {@code retval=}: the call succeeds with this value. */
        record Retval(long value) implements Outcome {}
    }
}

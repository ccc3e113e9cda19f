package io.jstrace.decode;

/**
 * What the user asked decoders for: string size (-s), verbosity (-v: {@code verbose} means not
 * abbreviated), fd paths (-y, -yy), -X style (raw, abbrev, verbose), and whether structures are
 * dereferenced ({@code structs}, strace's -e verbose=; without it they print as addresses).
 */
public record DecodeOptions(int stringLimit, boolean verbose, int fdDetail, Xstyle xstyle, boolean structs) {
    public enum Xstyle { ABBREV, RAW, VERBOSE }

    public static final DecodeOptions DEFAULT = new DecodeOptions(32, false, 0, Xstyle.ABBREV, true);
}

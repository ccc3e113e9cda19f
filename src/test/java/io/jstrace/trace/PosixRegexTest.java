package io.jstrace.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** glibc's regcomp, as strace 6.1 runs it for -e trace=/REGEX: each message as /usr/bin/strace printed it. */
class PosixRegexTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "(;Unmatched ( or \\(",
        "((a);Unmatched ( or \\(",
        "[;Invalid regular expression",
        "[];Unmatched [, [^, [:, [., or [=",
        "[^];Unmatched [, [^, [:, [., or [=",
        "[a;Unmatched [, [^, [:, [., or [=",
        "[[:alpha:];Unmatched [, [^, [:, [., or [=",
        "[[:]];Unmatched [, [^, [:, [., or [=",
        "[[:a]];Unmatched [, [^, [:, [., or [=",
        "[[.;Unmatched [, [^, [:, [., or [=",
        "\\;Trailing backslash",
        "a\\;Trailing backslash",
        "a{;Unmatched \\{",
        "a{2;Unmatched \\{",
        "a{x};Invalid content of \\{\\}",
        "a{};Invalid content of \\{\\}",
        "{1};Invalid preceding regular expression",
        "{;Invalid preceding regular expression",
        "*a;Invalid preceding regular expression",
        "+;Invalid preceding regular expression",
        "^*;Invalid preceding regular expression",
        "$*;Invalid preceding regular expression",
        "a|*b;Invalid preceding regular expression",
        "(*a);Invalid preceding regular expression",
        "(|*);Invalid preceding regular expression",
        "a(*);Invalid preceding regular expression",
        "[[:foo:]];Invalid character class name",
        "[[::]];Invalid character class name",
        "[[:ALPHA:]];Invalid character class name",
        "[z-a];Invalid range end",
        "[a-[:alpha:]];Invalid range end",
        "[[:alpha:]-z];Invalid range end",
        "[[.ab.]];Invalid collation character",
        "\\1;Invalid back reference",
        "(a)\\2;Invalid back reference",
        "(a\\1);Invalid back reference",
        "a{32768};Regular expression too big",
    })
    void invalidAsGlibcSays(String re, String message) {
        assertEquals(message, assertThrows(PosixRegex.Invalid.class, () -> PosixRegex.compile(re)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "^open;openat", "read$;read", "^(open|stat);statfs", "[]a];a", "[]-a];_", "[a-];-", "[^]a];b",
        "o[[:alpha:]]e;open", "[[.a.]];a", "[[=a=]];a", "\\w+;x", "\\<read;read", "rea\\d;read", "(a)\\1;aa",
        ");)", "};}", "a{1}*;b", "a**;b", "x*+;b", "a{0};b", "a||b;c", "(a|);b", "^^read;read", "read$$;read",
        "[[:digit:]];64", "x{2,};xx", "\\.;.", "[\\w];w", ".;z", "a{1,2}b;ab"})
    void validAndFinds(String re, String name) throws PosixRegex.Invalid {
        assertTrue(PosixRegex.compile(re).matcher(name).find(), re + " on " + name);
    }

    @Test
    void findsOnlyWhatPosixFinds() throws PosixRegex.Invalid {
        assertFalse(PosixRegex.compile("^$").matcher("read").find());
        assertFalse(PosixRegex.compile("a{1}{2}").matcher("read").find(), "aa");
        assertFalse(PosixRegex.compile("[^a-z]").matcher("read").find());
        assertFalse(PosixRegex.compile("\\.").matcher("read").find());
        assertFalse(PosixRegex.compile("[\\w]").matcher("x").find(), "a backslash is itself in brackets");
        assertTrue(PosixRegex.compile("").matcher("read").find());
    }
}
